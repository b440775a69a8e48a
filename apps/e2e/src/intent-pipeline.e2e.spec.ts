// Perception, qualification and the escalation governor as separate processes on a real broker:
// conversations sent as the gateway sends them become versioned intent state with validated (or not)
// markers, and decisions with signed grants (or reasons to hold).
import { GrantVerifier, SCOPES } from '@warmline/authority';
import type { EventBus } from '@warmline/bus';
import { fromTimestamp, toTimestamp, v1, warmline } from '@warmline/contracts';
import { eventually, storedEnvelopes } from '@warmline/testing';
import fc from 'fast-check';
import {
  conversationEvents,
  EXPLICIT_BUYER,
  HEDGING_BUYER,
  type PlannedEvent,
  type Turn,
} from './support/conversation.js';
import { warmlineUnderTest, type WarmlineUnderTest } from './support/warmline-under-test.js';

let stack: WarmlineUnderTest;
let gateway: EventBus;
let verifier: GrantVerifier;

beforeAll(async () => {
  stack = await warmlineUnderTest();
  gateway = await stack.busAs('gateway');
  // Enough closers that the authorisations of every test (no router frees them) never exhaust capacity.
  for (let n = 1; n <= 25; n++) {
    await gateway.publishCloserPresence({
      closerId: `pipeline-closer-${n}`,
      presence: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_AVAILABLE,
      skills: ['solar'],
      languages: ['en-US'],
      capacity: 1,
      reportedAt: toTimestamp(Date.now()),
    });
  }
  await Promise.all([
    // Each conversation is sent as a batch shortly after it "happened": allow that as transport lag,
    // or every early segment would be flagged ASR_LAG and hold the buyer.
    stack.start('perception', {
      WARMLINE_MAX_GAP_WAIT_MS: '1500',
      WARMLINE_MAX_ASR_LATENCY_MS: '15000',
    }),
    stack.start('qualification'),
    stack.start('escalation-governor'),
  ]);
  verifier = new GrantVerifier({ trustedIssuerKeys: [stack.grantKey.publicKey] });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

let counter = 0;
const newInteraction = (label: string) =>
  `${label}-${++counter}-${Math.random().toString(36).slice(2, 7)}`;

async function send(iid: string, events: readonly PlannedEvent[]): Promise<void> {
  for (const event of events) await gateway.publish('perception', iid, { ...event });
}

/** The latest intent state qualification published, once `done` accepts it. */
async function latestState(
  iid: string,
  done: (state: warmline.v1.IIntentState) => boolean,
  timeoutMs = 20_000,
): Promise<warmline.v1.IIntentState> {
  const changes = await eventually(
    () => storedEnvelopes(stack.jsm, 'intent', iid),
    (list) => {
      const last = list.at(-1)?.envelope.intentStateChanged?.state;
      return last != null && done(last);
    },
    timeoutMs,
  );
  return changes.at(-1)!.envelope.intentStateChanged!.state!;
}

/** The governor's decisions on an interaction, once `done` accepts them. */
async function decisions(
  iid: string,
  done: (list: warmline.v1.IEnvelope[]) => boolean,
  timeoutMs = 20_000,
): Promise<warmline.v1.IEnvelope[]> {
  const found = await eventually(
    async () => (await storedEnvelopes(stack.jsm, 'decision', iid)).map((s) => s.envelope),
    done,
    timeoutMs,
  );
  return found;
}

const O = v1.EscalationOutcome;
const outcomeOf = (e: warmline.v1.IEnvelope) => e.escalationDecision?.outcome;

const statusOf = (state: warmline.v1.IIntentState, kind: warmline.v1.MarkerKind) =>
  state.markers?.find((m) => m.kind === kind)?.status ?? v1.MarkerStatus.MARKER_STATUS_ABSENT;

const K = v1.MarkerKind;
const S = v1.MarkerStatus;
const ALL_MARKERS = [
  K.MARKER_KIND_SCOPE_CONFIRMED,
  K.MARKER_KIND_TIMING_CONSENT,
  K.MARKER_KIND_NEXT_STEP_ACCEPTED,
  K.MARKER_KIND_ESCALATION_PERMISSION,
];

/** What must be equal between two runs of the same conversation (ids differ per interaction). */
function comparable(state: warmline.v1.IIntentState) {
  return {
    markers: (state.markers ?? []).map((m) => ({
      kind: m.kind,
      status: m.status,
      quotes: (m.evidence ?? []).map((e) => e.quote),
    })),
    objections: (state.objections ?? []).map((o) => [o.topic, o.status]),
    window: state.consentWindow
      ? [fromTimestamp(state.consentWindow.startAt!), fromTimestamp(state.consentWindow.endAt!)]
      : null,
    version: state.version,
  };
}

describe('intent pipeline: perception → qualification (separate processes)', () => {
  it('validates all four markers from an explicit buyer, with signal ids as evidence and a timing window', async () => {
    const iid = newInteraction('explicit');
    await send(iid, conversationEvents(iid, EXPLICIT_BUYER));
    const state = await latestState(iid, (s) =>
      ALL_MARKERS.every((k) => statusOf(s, k) === S.MARKER_STATUS_VALIDATED),
    );
    for (const marker of state.markers ?? []) {
      expect(marker.evidence?.length).toBeGreaterThan(0);
      expect(marker.evidence?.every((e) => e.signalId?.startsWith('sig-'))).toBe(true);
    }
    const window = state.consentWindow!;
    expect(window.timeZone).toBe('America/New_York');
    expect(fromTimestamp(window.endAt!)).toBeGreaterThan(fromTimestamp(window.startAt!));
    const start = new Date(fromTimestamp(window.startAt!));
    expect(
      start.toLocaleString('en-US', {
        timeZone: 'America/New_York',
        weekday: 'long',
        hour: 'numeric',
        hour12: false,
      }),
    ).toMatch(/Thursday.* 14/);
    // Versions are published in order, one event per version.
    const versions = (await storedEnvelopes(stack.jsm, 'intent', iid)).map(
      (e) => e.envelope.intentVersion,
    );
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  });

  it('keeps every marker exploratory for the same conversation in hedged language', async () => {
    const iid = newInteraction('hedged');
    await send(iid, conversationEvents(iid, HEDGING_BUYER));
    const state = await latestState(iid, (s) =>
      ALL_MARKERS.every((k) => statusOf(s, k) === S.MARKER_STATUS_EXPLORATORY),
    );
    expect(ALL_MARKERS.some((k) => statusOf(state, k) === S.MARKER_STATUS_VALIDATED)).toBe(false);
  });

  it('never takes a voicemail greeting as evidence, even after an uncertain "human"', async () => {
    const iid = newInteraction('voicemail');
    const turns: Turn[] = [
      { amd: 'human', confidence: 0.4 },
      { buyer: "Hi, you've reached John. Leave a message after the beep. Yes, connect me now." },
    ];
    await send(iid, conversationEvents(iid, turns));
    const state = await latestState(iid, (s) => s.callHealth?.answeringMachine === true);
    expect(ALL_MARKERS.every((k) => statusOf(state, k) !== S.MARKER_STATUS_VALIDATED)).toBe(true);
  });

  it('does not validate a confirmation cut by an interruption until it is confirmed again', async () => {
    const iid = newInteraction('cut');
    const cut: Turn[] = [
      { agent: 'Would you like me to connect you with a specialist now?' },
      { buyer: 'Yes please, connect me' },
      { interruptPrevious: true },
    ];
    const events = conversationEvents(iid, [
      ...cut,
      { agent: 'Sorry, I cut you off. Shall I connect you with a specialist now?' },
      { buyer: 'Yes please, connect me now.' },
    ]);
    // Up to the interruption: not validated.
    await send(iid, events.slice(0, 5));
    const afterCut = await latestState(iid, (s) => (s.version ?? 0) >= 1, 10_000);
    await new Promise((r) => setTimeout(r, 1_500));
    const settled = (await storedEnvelopes(stack.jsm, 'intent', iid)).at(-1)!.envelope
      .intentStateChanged!.state!;
    expect(statusOf(settled, K.MARKER_KIND_ESCALATION_PERMISSION)).not.toBe(
      S.MARKER_STATUS_VALIDATED,
    );
    expect(afterCut).toBeDefined();
    // Confirmed again in full: validated.
    await send(iid, events.slice(5));
    await latestState(
      iid,
      (s) => statusOf(s, K.MARKER_KIND_ESCALATION_PERMISSION) === S.MARKER_STATUS_VALIDATED,
    );
  });

  it('reaches the same final intent state from shuffled and duplicated events as from the ordered stream', async () => {
    const start = Date.now() - 5_000;
    const ordered = newInteraction('ordered');
    await send(ordered, conversationEvents(ordered, EXPLICIT_BUYER, { startMs: start }));
    const expected = comparable(
      await latestState(ordered, (s) =>
        ALL_MARKERS.every((k) => statusOf(s, k) === S.MARKER_STATUS_VALIDATED),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
        fc.array(fc.nat({ max: 9 }), { maxLength: 4 }),
        async (keys, duplicated) => {
          const iid = newInteraction('shuffled');
          const events = conversationEvents(iid, EXPLICIT_BUYER, { startMs: start });
          const shuffled = events
            .map((event, i) => ({ event, key: keys[i] ?? 0 }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.event);
          const withDuplicates = [...shuffled, ...duplicated.map((i) => events[i]!)];
          await send(iid, withDuplicates);
          const state = await latestState(iid, (s) => s.version === expected.version, 20_000);
          // Nothing arrives after the last expected version.
          await new Promise((r) => setTimeout(r, 500));
          const last = (await storedEnvelopes(stack.jsm, 'intent', iid)).at(-1)!;
          expect(comparable(last.envelope.intentStateChanged!.state!)).toEqual(expected);
          expect(comparable(state)).toEqual(expected);
        },
      ),
      { numRuns: 4 },
    );
  }, 120_000);

  it('authorises a live transfer for the explicit buyer with a grant bound to the intent version', async () => {
    const iid = newInteraction('authorised');
    await send(iid, conversationEvents(iid, EXPLICIT_BUYER));
    const list = await decisions(iid, (l) =>
      l.some((e) => outcomeOf(e) === O.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER),
    );
    const authorised = list.find(
      (e) => outcomeOf(e) === O.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
    )!;
    const decision = authorised.escalationDecision!;
    expect(decision.reasons?.map((r) => r.code)).toContain(
      v1.DecisionReasonCode.DECISION_REASON_CODE_POLICY_SATISFIED,
    );
    const claims = verifier.verify(authorised.authority?.grant, {
      interactionId: iid,
      intentVersion: decision.intentVersion!,
      requiredScope: SCOPES.transferLive,
    });
    expect(claims.intentVersion).toBe(decision.intentVersion);
    expect(claims.fallbackScopes).toContain(SCOPES.appointmentBook);
    // The version the grant names holds every marker validated, with evidence.
    const intent = (await storedEnvelopes(stack.jsm, 'intent', iid))
      .map((e) => e.envelope.intentStateChanged!.state!)
      .find((st) => st.version === claims.intentVersion)!;
    for (const kind of ALL_MARKERS) {
      expect(statusOf(intent, kind)).toBe(S.MARKER_STATUS_VALIDATED);
      expect(intent.markers?.find((m) => m.kind === kind)?.evidence?.length).toBeGreaterThan(0);
    }
    // Nothing before it was an authorisation: HOLDs while the buyer was still confirming.
    const earlier = list.slice(0, list.indexOf(authorised));
    expect(earlier.every((e) => outcomeOf(e) === O.ESCALATION_OUTCOME_HOLD)).toBe(true);
  });

  it('holds the hedging buyer, naming the exploratory markers, and issues no grant', async () => {
    const iid = newInteraction('held');
    await send(iid, conversationEvents(iid, HEDGING_BUYER));
    await latestState(iid, (s) =>
      ALL_MARKERS.every((k) => statusOf(s, k) === S.MARKER_STATUS_EXPLORATORY),
    );
    const list = await decisions(iid, (l) => l.length > 0);
    await new Promise((r) => setTimeout(r, 1_000));
    const all = (await storedEnvelopes(stack.jsm, 'decision', iid)).map((e) => e.envelope);
    expect(
      all.every((e) => e.authority?.grant == null && outcomeOf(e) === O.ESCALATION_OUTCOME_HOLD),
    ).toBe(true);
    const last = all.at(-1)!.escalationDecision!;
    const named = (last.reasons ?? [])
      .filter((r) => r.code === v1.DecisionReasonCode.DECISION_REASON_CODE_MARKER_NOT_VALIDATED)
      .map((r) => r.markerKind);
    expect(named.sort()).toEqual([...ALL_MARKERS].sort());
    expect(list.length).toBeGreaterThan(0);
  });

  it('never issues a grant when an answering machine picked up, even one that then says yes', async () => {
    const iid = newInteraction('machine');
    await send(
      iid,
      conversationEvents(iid, [{ amd: 'machine', confidence: 0.95 }, ...EXPLICIT_BUYER]),
    );
    await latestState(iid, (s) => s.callHealth?.answeringMachine === true);
    await new Promise((r) => setTimeout(r, 2_000));
    const all = (await storedEnvelopes(stack.jsm, 'decision', iid)).map((e) => e.envelope);
    expect(all.some((e) => e.authority?.grant != null)).toBe(false);
  });

  it('revokes the grant when the buyer raises an objection after authorisation, and decides again', async () => {
    const iid = newInteraction('objecting');
    const events = conversationEvents(iid, [
      ...EXPLICIT_BUYER,
      { agent: 'Great, I am connecting you now.' },
      { buyer: "Wait, actually that's too expensive for us." },
    ]);
    await send(iid, events.slice(0, events.length - 2));
    const authorised = (
      await decisions(iid, (l) =>
        l.some((e) => outcomeOf(e) === O.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER),
      )
    ).find((e) => outcomeOf(e) === O.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER)!;
    await send(iid, events.slice(events.length - 2));
    const list = await decisions(iid, (l) => l.some((e) => e.grantRevoked != null));
    const revoked = list.find((e) => e.grantRevoked != null)!;
    expect(revoked.grantRevoked!.reason).toBe(
      v1.GrantRevocationReason.GRANT_REVOCATION_REASON_OBJECTION_RAISED,
    );
    expect(revoked.intentVersion).toBeGreaterThan(authorised.intentVersion!);
    const after = await decisions(iid, (l) =>
      l.some(
        (e) =>
          (e.intentVersion ?? 0) >= revoked.intentVersion! &&
          e.escalationDecision != null &&
          l.indexOf(e) > l.indexOf(revoked),
      ),
    );
    const next = after.slice(after.indexOf(revoked) + 1).find((e) => e.escalationDecision)!;
    expect(next.escalationDecision!.outcome).not.toBe(O.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER);
  });
});
