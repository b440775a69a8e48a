// The escalation governor as its own process on a real broker: intent versions published as
// qualification publishes them, closers as the gateway reports them, decisions, grants and
// revocations read straight from the `decision` stream and the audit trail.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GrantVerifier, SCOPES, type GrantClaims } from '@warmline/authority';
import type { EventBus } from '@warmline/bus';
import type { AgentProcess } from '@warmline/stack';
import {
  fromTimestamp,
  toTimestamp,
  v1,
  type IIntentState,
  type warmline,
} from '@warmline/contracts';
import { DEFAULT_POLICY, type CampaignPolicy } from '@warmline/policy';
import { openKvStore, type WarmlineStore } from '@warmline/store';
import {
  ADMIN_USER,
  eventually,
  sleep,
  storedDeadLetters,
  storedEnvelopes,
  workspaceRoot,
} from '@warmline/testing';
import { warmlineUnderTest, type WarmlineUnderTest } from './support/warmline-under-test.js';

const Status = v1.MarkerStatus;
const Kind = v1.MarkerKind;
const Outcome = v1.EscalationOutcome;
const Code = v1.DecisionReasonCode;
const HOUR_MS = 3_600_000;

let stack: WarmlineUnderTest;
let qualification: EventBus;
let store: WarmlineStore;
let verifier: GrantVerifier;
let policyDir: string;
let governor: AgentProcess;

/** Env of every governor replica started here: the default policy plus two test policies. */
let governorEnv: Record<string, string>;

beforeAll(async () => {
  stack = await warmlineUnderTest();
  const gateway = await stack.busAs('gateway');
  for (let n = 1; n <= 6; n++) {
    await gateway.publishCloserPresence({
      closerId: `closer-${n}`,
      presence: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_AVAILABLE,
      skills: ['solar'],
      languages: ['en-US'],
      capacity: 1,
      reportedAt: toTimestamp(Date.now()),
    });
  }
  policyDir = mkdtempSync(join(tmpdir(), 'governor-policies-'));
  const limited = writePolicy('limited.policy.json', {
    ...DEFAULT_POLICY,
    id: 'limited',
    campaigns: ['limited'],
    team: 'limited',
    controls: { ...DEFAULT_POLICY.controls, escalationsPerMinute: 1 },
  });
  const shortLived = writePolicy('short-lived.policy.json', {
    ...DEFAULT_POLICY,
    id: 'short-lived',
    campaigns: ['short-lived'],
    team: 'short-lived',
    actions: {
      ...DEFAULT_POLICY.actions,
      liveTransfer: {
        ...DEFAULT_POLICY.actions.liveTransfer,
        grantTtlMs: 3_000,
        reservationTimeoutMs: 1_000,
      },
    },
  });
  const defaultPolicy = join(workspaceRoot(), 'libs/policy/policies/default.policy.yaml');
  governorEnv = {
    WARMLINE_POLICY_FILES: [defaultPolicy, limited, shortLived].join(','),
    WARMLINE_GRANT_CHECK_INTERVAL_MS: '200',
  };
  governor = await stack.start('escalation-governor', governorEnv);
  qualification = await stack.busAs('qualification');
  store = await openKvStore({
    servers: stack.broker.url,
    connection: stack.broker.credentials(ADMIN_USER),
  });
  verifier = new GrantVerifier({ trustedIssuerKeys: [stack.grantKey.publicKey] });
}, 90_000);

afterAll(async () => {
  await store?.close();
  await stack?.stop();
  if (policyDir) rmSync(policyDir, { recursive: true, force: true });
});

function writePolicy(name: string, policy: CampaignPolicy): string {
  const path = join(policyDir, name);
  writeFileSync(path, JSON.stringify(policy, null, 2));
  return path;
}

let counter = 0;
const newInteraction = () => `gov-${++counter}-${Math.random().toString(36).slice(2, 7)}`;

// Intent states by hand, as qualification would write them (after libs/policy's spec fixtures).
function marker(
  kind: warmline.v1.MarkerKind,
  status: warmline.v1.MarkerStatus = Status.MARKER_STATUS_VALIDATED,
): warmline.v1.IIntentMarker {
  return {
    kind,
    status,
    confidence: 0.9,
    evidence: [
      {
        signalId: `sig-${kind}`,
        source: v1.EvidenceSource.EVIDENCE_SOURCE_TRANSCRIPT,
        quote: 'yes, exactly',
        confidence: 0.92,
        observedAt: toTimestamp(Date.now() - 1_000),
      },
    ],
    changedAt: toTimestamp(Date.now() - 1_000),
  };
}

const ALL_MARKERS = [
  Kind.MARKER_KIND_SCOPE_CONFIRMED,
  Kind.MARKER_KIND_TIMING_CONSENT,
  Kind.MARKER_KIND_NEXT_STEP_ACCEPTED,
  Kind.MARKER_KIND_ESCALATION_PERMISSION,
];

/** Every marker VALIDATED on confident transcript evidence, readiness 0.85, a window tomorrow. */
function qualifiedState(
  interactionId: string,
  version: number,
  overrides: IIntentState = {},
): IIntentState {
  const now = Date.now();
  return {
    interactionId,
    version,
    updatedAt: toTimestamp(now),
    campaignId: 'solar-spring',
    markers: ALL_MARKERS.map((kind) => marker(kind)),
    objections: [],
    readiness: {
      score: 0.85,
      peakScore: 0.85,
      peakAt: toTimestamp(now),
      decayedAt: toTimestamp(now),
    },
    consentWindow: {
      startAt: toTimestamp(now + 24 * HOUR_MS),
      endAt: toTimestamp(now + 26 * HOUR_MS),
      timeZone: 'America/Chicago',
      sourceText: 'tomorrow between 10 and noon',
    },
    buyerLanguage: 'en-US',
    callHealth: { signalCount: 12, faultedSignalCount: 0, recentFaults: [] },
    ...overrides,
  };
}

function withMarkers(
  state: IIntentState,
  status: warmline.v1.MarkerStatus,
  kinds: readonly warmline.v1.MarkerKind[],
): IIntentState {
  const others = (state.markers ?? []).filter((m) => !kinds.includes(m.kind ?? 0));
  return { ...state, markers: [...others, ...kinds.map((kind) => marker(kind, status))] };
}

/** Publishes `state` as qualification does; returns the event id. */
async function publishIntent(state: IIntentState, previousVersion = (state.version ?? 1) - 1) {
  const eventId = `${state.interactionId}-intent-v${state.version}-${++counter}`;
  await qualification.publish('intent', state.interactionId ?? '', {
    eventId,
    intentVersion: state.version ?? 0,
    occurredAt: state.updatedAt ?? null,
    intentStateChanged: { state, previousVersion },
  });
  return eventId;
}

async function decisionStream(interactionId: string, count: number, timeoutMs = 15_000) {
  const found = await eventually(
    () => storedEnvelopes(stack.jsm, 'decision', interactionId),
    (list) => list.length >= count,
    timeoutMs,
  );
  return found.map((s) => s.envelope);
}

async function decisions(interactionId: string, count: number) {
  const envelopes = await eventually(
    async () => (await decisionStream(interactionId, 0)).filter((e) => e.escalationDecision),
    (list) => list.length >= count,
    15_000,
  );
  return envelopes;
}

function reasonCodes(envelope: warmline.v1.IEnvelope): warmline.v1.DecisionReasonCode[] {
  return (envelope.escalationDecision?.reasons ?? []).map((r) => r.code ?? 0);
}

function verified(
  envelope: warmline.v1.IEnvelope,
  requiredScope: string,
  viaFallback = false,
): GrantClaims {
  return verifier.verify(envelope.authority?.grant, {
    interactionId: envelope.interactionId ?? '',
    intentVersion: envelope.intentVersion ?? 0,
    requiredScope,
    viaFallback,
  });
}

describe('escalation-governor (separate process)', () => {
  it('authorises a live transfer on a fully qualified buyer with a grant bound to that version', async () => {
    const iid = newInteraction();
    const causation = await publishIntent(qualifiedState(iid, 1));
    const [envelope] = await decisions(iid, 1);
    const decision = envelope!.escalationDecision!;

    expect(decision.outcome).toBe(Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER);
    expect(reasonCodes(envelope!)[0]).toBe(Code.DECISION_REASON_CODE_POLICY_SATISFIED);
    expect(envelope).toMatchObject({
      eventId: `dec-${decision.decisionId}`,
      intentVersion: 1,
      causationId: causation,
      correlationId: iid,
      producer: { agent: 'escalation-governor' },
    });
    expect(decision).toMatchObject({
      intentVersion: 1,
      policyId: 'default',
      policyVersion: 1,
      campaignId: 'solar-spring',
      state: v1.InteractionState.INTERACTION_STATE_AUTHORISED,
      previousState: v1.InteractionState.INTERACTION_STATE_ENGAGED,
    });
    expect(decision.readinessScore).toBeGreaterThan(0.8);

    // The execution message carries the grant in authority, identical to the decision's.
    expect(Buffer.from(envelope!.authority!.grant!.claims!)).toEqual(
      Buffer.from(decision.grant!.claims!),
    );
    const claims = verified(envelope!, SCOPES.transferLive);
    expect(claims).toMatchObject({
      interactionId: iid,
      intentVersion: 1,
      scopes: [SCOPES.transferLive],
      fallbackScopes: [SCOPES.appointmentBook],
      decisionId: decision.decisionId,
      policyId: 'default',
      transferMode: v1.TransferMode.TRANSFER_MODE_WARM,
    });
    expect(claims.constraints).toMatchObject({ maxAttempts: 2, reservationTimeoutMs: 15_000 });
    expect(verified(envelope!, SCOPES.appointmentBook, true).grantId).toBe(claims.grantId);
    expect(() => verified(envelope!, SCOPES.appointmentBook)).toThrow(
      expect.objectContaining({ code: 'GRANT_SCOPE_MISSING' }),
    );
    // A grant decided on version 1 is stale for an executor that already knows version 2.
    expect(() =>
      verifier.verify(envelope!.authority!.grant, {
        interactionId: iid,
        intentVersion: 2,
        requiredScope: SCOPES.transferLive,
      }),
    ).toThrow(expect.objectContaining({ code: 'GRANT_STALE_INTENT' }));

    // The same version again (a re-publish) decides nothing new.
    await publishIntent(qualifiedState(iid, 1));
    await sleep(800);
    expect(await decisionStream(iid, 1)).toHaveLength(1);

    const trail = await eventually(
      () => store.audit.list(iid),
      (records) => records.length >= 2,
    );
    expect(trail.map((r) => [r.kind, r.recordId, r.summary?.['event']])).toEqual([
      ['decision', `decision-${decision.decisionId}`, undefined],
      ['grant', `grant-${claims.grantId}-issued`, 'issued'],
    ]);
    expect(trail[0]!.summary).toMatchObject({
      outcome: 'AUTHORIZE_LIVE_TRANSFER',
      intentVersion: 1,
      policyId: 'default',
      grantId: claims.grantId,
    });
    expect(v1.EscalationDecision.decode(trail[0]!.payload).decisionId).toBe(decision.decisionId);
    expect(Buffer.from(trail[1]!.payload)).toEqual(
      Buffer.from(v1.AuthorityGrant.encode(decision.grant!).finish()),
    );
  });

  it('holds a hedging buyer, naming the markers still exploratory, with no grant', async () => {
    const iid = newInteraction();
    const hedged = withMarkers(qualifiedState(iid, 1), Status.MARKER_STATUS_EXPLORATORY, [
      Kind.MARKER_KIND_TIMING_CONSENT,
      Kind.MARKER_KIND_NEXT_STEP_ACCEPTED,
    ]);
    await publishIntent(hedged);
    const [envelope] = await decisions(iid, 1);
    const decision = envelope!.escalationDecision!;
    expect(decision.outcome).toBe(Outcome.ESCALATION_OUTCOME_HOLD);
    expect(decision.grant ?? null).toBeNull();
    expect(envelope!.authority?.grant ?? null).toBeNull();
    const unvalidated = decision
      .reasons!.filter((r) => r.code === Code.DECISION_REASON_CODE_MARKER_NOT_VALIDATED)
      .map((r) => r.markerKind);
    expect(new Set(unvalidated)).toEqual(
      new Set([Kind.MARKER_KIND_TIMING_CONSENT, Kind.MARKER_KIND_NEXT_STEP_ACCEPTED]),
    );
    expect(decision.reasons!.map((r) => r.detail).join(' ')).toMatch(/exploratory/);
    expect(decision.state).toBe(v1.InteractionState.INTERACTION_STATE_QUALIFYING);
  });

  it.each([
    ['an answering machine', { answeringMachine: true }],
    ['an uncertain answering-machine result', { amdUncertain: true, amdConfidence: 0.55 }],
  ])('never grants anything on %s, however qualified', async (_name, health) => {
    const iid = newInteraction();
    const state = qualifiedState(iid, 1);
    await publishIntent({ ...state, callHealth: { ...state.callHealth, ...health } });
    const [envelope] = await decisions(iid, 1);
    expect(envelope!.escalationDecision!.outcome).toBe(Outcome.ESCALATION_OUTCOME_HOLD);
    expect(reasonCodes(envelope!)).toContain(Code.DECISION_REASON_CODE_VOICEMAIL);
    expect(envelope!.escalationDecision!.grant ?? null).toBeNull();
    expect(envelope!.authority?.grant ?? null).toBeNull();
  });

  it('revokes the grant when the buyer raises an objection in a later version, then decides on it', async () => {
    const iid = newInteraction();
    await publishIntent(qualifiedState(iid, 1));
    const [authorised] = await decisions(iid, 1);
    const grantId = verified(authorised!, SCOPES.transferLive).grantId;

    const objection = {
      objectionId: 'obj-price',
      topic: 'price',
      status: v1.ObjectionStatus.OBJECTION_STATUS_RAISED,
      raisedAt: toTimestamp(Date.now()),
    };
    const causation = await publishIntent(qualifiedState(iid, 2, { objections: [objection] }));
    const stream = await decisionStream(iid, 3);

    const revoked = stream[1]!;
    expect(revoked.grantRevoked).toMatchObject({
      grantId,
      reason: v1.GrantRevocationReason.GRANT_REVOCATION_REASON_OBJECTION_RAISED,
      intentVersion: 2,
    });
    expect(revoked.grantRevoked!.detail).toMatch(/price/);
    expect(revoked).toMatchObject({
      eventId: `revoke-${grantId}`,
      intentVersion: 2,
      causationId: causation,
      correlationId: iid,
    });

    const next = stream[2]!;
    expect(next.escalationDecision).toMatchObject({
      intentVersion: 2,
      outcome: Outcome.ESCALATION_OUTCOME_HOLD,
      previousState: v1.InteractionState.INTERACTION_STATE_QUALIFYING,
    });
    expect(reasonCodes(next)).toContain(Code.DECISION_REASON_CODE_OBJECTION_UNRESOLVED);
    expect(next.intentVersion).toBe(2);

    const grants = await eventually(
      () => store.audit.list(iid, { kinds: ['grant'] }),
      (records) => records.length >= 2,
    );
    expect(grants.map((r) => r.summary)).toEqual([
      expect.objectContaining({ event: 'issued', grantId }),
      expect.objectContaining({ event: 'revoked', grantId, reason: 'OBJECTION_RAISED' }),
    ]);
    const audited = await store.audit.list(iid, { kinds: ['decision'] });
    expect(audited.map((r) => r.summary?.['outcome'])).toEqual(['AUTHORIZE_LIVE_TRANSFER', 'HOLD']);
  });

  it("books an appointment inside the buyer's window once the team's escalations per minute are used up", async () => {
    const first = newInteraction();
    await publishIntent(qualifiedState(first, 1, { campaignId: 'limited' }));
    const [live] = await decisions(first, 1);
    expect(live!.escalationDecision!.outcome).toBe(
      Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
    );
    expect(live!.escalationDecision!.policyId).toBe('limited');

    const second = newInteraction();
    const state = qualifiedState(second, 1, { campaignId: 'limited' });
    await publishIntent(state);
    const [booked] = await decisions(second, 1);
    const decision = booked!.escalationDecision!;
    expect(decision.outcome).toBe(Outcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT);
    expect(reasonCodes(booked!)[0]).toBe(Code.DECISION_REASON_CODE_POLICY_SATISFIED);
    expect(reasonCodes(booked!)).toContain(Code.DECISION_REASON_CODE_RATE_LIMITED);

    const claims = verified(booked!, SCOPES.appointmentBook);
    expect(claims.scopes).toEqual([SCOPES.appointmentBook]);
    expect(() => verified(booked!, SCOPES.transferLive)).toThrow(
      expect.objectContaining({ code: 'GRANT_SCOPE_MISSING' }),
    );
    expect(claims.consentWindow).toEqual({
      startAtMs: fromTimestamp(state.consentWindow!.startAt!),
      endAtMs: fromTimestamp(state.consentWindow!.endAt!),
      timeZone: 'America/Chicago',
      sourceText: 'tomorrow between 10 and noon',
    });

    const trail = await eventually(
      () => store.audit.list(second),
      (records) => records.length >= 2,
    );
    expect(trail.find((r) => r.kind === 'decision')?.summary?.['reasons']).toMatch(
      /^POLICY_SATISFIED,.*RATE_LIMITED/,
    );
  });

  it('dead-letters an intent event that carries no state, naming the field', async () => {
    const iid = newInteraction();
    await qualification.publish('intent', iid, {
      eventId: `${iid}-empty`,
      intentVersion: 1,
      intentStateChanged: { previousVersion: 0 },
    });
    const records = await eventually(
      () => storedDeadLetters(stack.jsm),
      (list) => list.some((r) => r.originalSubject?.endsWith(iid)),
    );
    expect(records.find((r) => r.originalSubject?.endsWith(iid))).toMatchObject({
      reasonName: 'VALIDATION_FAILED',
      errorCode: 'INTENT_CHANGE_INVALID',
      agent: 'escalation-governor',
    });
    expect(await storedEnvelopes(stack.jsm, 'decision', iid)).toEqual([]);
  });

  it("follows the executors' reports: no expiry mid-transfer, nothing more once connected or booked", async () => {
    const router = await stack.busAs('router');
    const scheduler = await stack.busAs('scheduler');
    const transferred = newInteraction();
    await publishIntent(qualifiedState(transferred, 1, { campaignId: 'short-lived' }));
    const [live] = await decisions(transferred, 1);
    const liveGrant = verified(live!, SCOPES.transferLive).grantId;
    const handoff = (state: warmline.v1.HandoffState, n: number) =>
      router.publish('handoff', transferred, {
        eventId: `${transferred}-handoff-${n}`,
        causationId: live!.eventId,
        intentVersion: 1,
        handoffEvent: { handoffId: `h-${transferred}`, grantId: liveGrant, attempt: 1, state },
      });
    await handoff(v1.HandoffState.HANDOFF_STATE_REQUESTED, 1);
    // The 3 s grant passes while the router transfers: expiry is the router's to enforce now.
    await sleep(3_500);
    expect((await decisionStream(transferred, 1)).some((e) => e.grantRevoked)).toBe(false);
    await handoff(v1.HandoffState.HANDOFF_STATE_BRIDGED, 2);

    // The buyer declined to be connected, but gave everything an appointment needs.
    const booked = newInteraction();
    const unpermitted = qualifiedState(booked, 1);
    await publishIntent({
      ...unpermitted,
      markers: unpermitted.markers!.map((m) =>
        m.kind === Kind.MARKER_KIND_ESCALATION_PERMISSION
          ? { ...m, status: Status.MARKER_STATUS_REVOKED }
          : m,
      ),
    });
    const [appointment] = await decisions(booked, 1);
    expect(appointment!.escalationDecision!.outcome).toBe(
      Outcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT,
    );
    await scheduler.publish('appointment', booked, {
      eventId: `${booked}-booked`,
      intentVersion: 1,
      appointmentEvent: {
        booked: {
          appointmentId: `ap-${booked}`,
          closerId: 'closer-1',
          grantId: verified(appointment!, SCOPES.appointmentBook).grantId,
        },
      },
    });

    // Later versions are refused: the escalation ended in a connect and a booking.
    for (const [iid, ended] of [
      [transferred, v1.InteractionState.INTERACTION_STATE_CONNECTED],
      [booked, v1.InteractionState.INTERACTION_STATE_SCHEDULED],
    ] as const) {
      const later = await eventually(
        async () => {
          await publishIntent(qualifiedState(iid, 2 + ++counter));
          return (await decisions(iid, 2)).at(-1)!;
        },
        (envelope) => envelope.escalationDecision?.state === ended,
      );
      expect(later.escalationDecision!.outcome).toBe(Outcome.ESCALATION_OUTCOME_DENY);
      expect(reasonCodes(later)).toContain(Code.DECISION_REASON_CODE_INTERACTION_CLOSED);
    }
  });

  it('does not book again in a window the scheduler found no slot in, and books the next window the buyer gives', async () => {
    const scheduler = await stack.busAs('scheduler');
    const iid = newInteraction();
    // The buyer declined to be connected but consented to a call-back window.
    const declined = (version: number, overrides: IIntentState = {}) => {
      const state = qualifiedState(iid, version, overrides);
      return {
        ...state,
        markers: state.markers!.map((m) =>
          m.kind === Kind.MARKER_KIND_ESCALATION_PERMISSION
            ? { ...m, status: Status.MARKER_STATUS_REVOKED }
            : m,
        ),
      };
    };
    const first = declined(1);
    await publishIntent(first);
    const [booking] = await decisions(iid, 1);
    expect(booking!.escalationDecision!.outcome).toBe(
      Outcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT,
    );
    // The buyer keeps talking while the scheduler looks: the refusal that made this a booking does
    // not revoke it, and no second grant is spent on the same booking.
    await publishIntent(declined(2, { consentWindow: first.consentWindow }));
    const meanwhile = (await decisions(iid, 2)).at(-1)!;
    expect(meanwhile.escalationDecision!.outcome).toBe(Outcome.ESCALATION_OUTCOME_DENY);
    expect(reasonCodes(meanwhile)).toEqual([Code.DECISION_REASON_CODE_ALREADY_AUTHORISED]);
    expect((await decisionStream(iid, 2)).some((e) => e.grantRevoked)).toBe(false);

    await scheduler.publish('appointment', iid, {
      eventId: `${iid}-no-slot`,
      intentVersion: 1,
      appointmentEvent: {
        unavailable: {
          requestId: `req-${iid}`,
          reason: v1.AppointmentUnavailableReason.APPOINTMENT_UNAVAILABLE_REASON_NO_SLOT_IN_WINDOW,
          detail: 'no closer is free in the window',
        },
      },
    });

    // The governor took the report: back to qualifying, the window remembered.
    const record = await eventually(
      async () => {
        const stored = await store.checkpoints.get(`escalation-governor.interaction.${iid}`);
        if (stored === null) return null;
        return (
          JSON.parse(new TextDecoder().decode(stored.value)) as {
            state: { record: { phase: string; windowWithoutSlot?: unknown } };
          }
        ).state.record;
      },
      (r) => r?.phase === 'qualifying',
    );
    expect(record?.windowWithoutSlot).toMatchObject({
      startAtMs: fromTimestamp(first.consentWindow!.startAt!),
      endAtMs: fromTimestamp(first.consentWindow!.endAt!),
    });

    // The conversation goes on in the same window: holding, not a second doomed booking.
    await publishIntent(declined(3, { consentWindow: first.consentWindow }));
    const held = (await decisions(iid, 3)).at(-1)!;
    expect(held.escalationDecision!.outcome).toBe(Outcome.ESCALATION_OUTCOME_HOLD);
    // Why not a live transfer (the refusal), and why not the booking either.
    expect(reasonCodes(held)).toEqual([
      Code.DECISION_REASON_CODE_MARKER_REVOKED,
      Code.DECISION_REASON_CODE_NO_SLOT_IN_WINDOW,
    ]);
    expect(held.escalationDecision!.reasons![1]!.detail).toMatch(/another window is needed$/);

    // The buyer offers the day after: that window is booked.
    const now = Date.now();
    await publishIntent(
      declined(4, {
        consentWindow: {
          startAt: toTimestamp(now + 48 * HOUR_MS),
          endAt: toTimestamp(now + 50 * HOUR_MS),
          timeZone: 'America/Chicago',
          sourceText: 'the day after, same time',
        },
      }),
    );
    const rebooked = (await decisions(iid, 4)).at(-1)!;
    expect(rebooked.escalationDecision!.outcome).toBe(
      Outcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT,
    );
    expect(verified(rebooked, SCOPES.appointmentBook).consentWindow?.startAtMs).toBe(
      now + 48 * HOUR_MS,
    );
  });

  it('revokes an unused grant when it expires, even across a restart of the governor', async () => {
    const iid = newInteraction();
    await publishIntent(qualifiedState(iid, 1, { campaignId: 'short-lived' }));
    const [authorised] = await decisions(iid, 1);
    const grantId = verified(authorised!, SCOPES.transferLive).grantId;
    // The process that issued the grant dies before it expires; its successor re-arms the check
    // from the checkpoints.
    await governor.kill();
    governor = await stack.start('escalation-governor', governorEnv);
    const stream = await decisionStream(iid, 2, 20_000);
    expect(stream[1]!.grantRevoked).toMatchObject({
      grantId,
      reason: v1.GrantRevocationReason.GRANT_REVOCATION_REASON_EXPIRED,
      intentVersion: 0,
    });
    expect(stream[1]).toMatchObject({
      eventId: `revoke-${grantId}`,
      causationId: authorised!.eventId,
    });
  });
});
