// The router as its own processes (two replicas) on a real broker. The test is everyone around it:
// the governor (signed grants on `decision`), the closers' desks (ReservationResponse on
// `reservation`) and the telephony adapter (reads TelephonyCommands, answers with CallProgress), all
// publishing as their own NATS users, and it reads what the router did straight from the streams.
import {
  generateSigningKey,
  GrantSigner,
  signingKeyFromSeed,
  type GrantClaimsInput,
} from '@warmline/authority';
import type { EventBus } from '@warmline/bus';
import { decodeEnvelope, toTimestamp, v1, type warmline } from '@warmline/contracts';
import type { AgentProcess } from '@warmline/stack';
import { openKvStore, type WarmlineStore } from '@warmline/store';
import { ADMIN_USER, eventually, sleep, storedDeadLetters } from '@warmline/testing';
import { signInAvailableCloser } from './support/closers.js';
import { Stage, StreamTap, legOf, report } from './support/stage.js';
import { warmlineUnderTest, type WarmlineUnderTest } from './support/warmline-under-test.js';

const C = v1.FallbackCondition;
const A = v1.FallbackAction;
const P = v1.CallProgressState;
const H = v1.HandoffState;
const R = v1.HandoffFailureReason;

const ROUTER_ENV = { WARMLINE_DIAL_TIMEOUT_MS: '4000', WARMLINE_RING_GRACE_MS: '1000' };

let stack: WarmlineUnderTest;
let routers: AgentProcess[] = [];
let governor: EventBus;
let gateway: EventBus;
let store: WarmlineStore;
let signer: GrantSigner;
let handoffs: StreamTap;
let telephony: StreamTap;
let stage: Stage;

beforeAll(async () => {
  stack = await warmlineUnderTest();
  routers = [await stack.start('router', ROUTER_ENV), await stack.start('router', ROUTER_ENV)];
  governor = await stack.busAs('escalation-governor');
  gateway = await stack.busAs('gateway');
  store = await openKvStore({
    servers: stack.broker.url,
    connection: stack.broker.credentials(ADMIN_USER),
  });
  signer = new GrantSigner({ signingKey: signingKeyFromSeed(stack.grantKey.seed) });
  handoffs = await StreamTap.open(stack.jsm, 'WL_HANDOFF');
  telephony = await StreamTap.open(stack.jsm, 'WL_TELEPHONY');
  stage = new Stage(gateway, handoffs, telephony);
}, 90_000);

afterAll(async () => {
  stage?.stop();
  await handoffs?.stop();
  await telephony?.stop();
  await store?.close();
  await stack?.stop();
});

// ---------------------------------------------------------------------------------------------
// The world around the router
// ---------------------------------------------------------------------------------------------

let counter = 0;
const newInteraction = () => `rt-${++counter}-${Math.random().toString(36).slice(2, 7)}`;
const newTerritory = () => `T${counter}-${Math.random().toString(36).slice(2, 6)}`;

/** Closers available all week for one territory (so each test has its own team). */
async function team(territory: string, names: string[], capacity = 1): Promise<string[]> {
  const ids = names.map((n) => `${territory}-${n}`);
  for (const closerId of ids) {
    await signInAvailableCloser(gateway, closerId, {
      skills: ['solar'],
      languages: ['en'],
      territories: [territory],
      capacity,
      displayName: closerId,
      address: `sip:${closerId}@desk.example`,
    });
  }
  await sleep(500); // the routers' presence watches are live; give them the new reports
  return ids;
}

const QUOTES = {
  scope: 'We want panels on the whole south roof',
  timing: 'Tomorrow after three works for me',
  escalation: 'Sure, put me through to someone',
};

/** Intent state version 1 with three validated markers (the buyer's words) and one exploratory. */
async function writeIntent(interactionId: string, territory: string): Promise<void> {
  const now = Date.now();
  const marker = (
    kind: warmline.v1.MarkerKind,
    quote: string,
    status = v1.MarkerStatus.MARKER_STATUS_VALIDATED,
  ) => ({
    kind,
    status,
    confidence: 0.9,
    evidence: [
      {
        signalId: `sig-${kind}`,
        source: v1.EvidenceSource.EVIDENCE_SOURCE_TRANSCRIPT,
        quote,
        observedAt: toTimestamp(now - 30_000),
      },
    ],
    changedAt: toTimestamp(now - 30_000),
  });
  await store.intents.create(
    v1.IntentState.create({
      interactionId,
      version: 1,
      updatedAt: toTimestamp(now),
      campaignId: 'solar-q4',
      buyerLanguage: 'en-US',
      territory,
      markers: [
        marker(v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED, QUOTES.scope),
        marker(v1.MarkerKind.MARKER_KIND_TIMING_CONSENT, QUOTES.timing),
        marker(v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION, QUOTES.escalation),
        marker(
          v1.MarkerKind.MARKER_KIND_NEXT_STEP_ACCEPTED,
          'maybe a survey',
          v1.MarkerStatus.MARKER_STATUS_EXPLORATORY,
        ),
      ],
      readiness: { score: 0.82, peakScore: 0.86, peakAt: toTimestamp(now - 10_000) },
    }),
  );
}

const RULES = [
  { condition: C.FALLBACK_CONDITION_CLOSER_DECLINED, action: A.FALLBACK_ACTION_NEXT_CLOSER },
  { condition: C.FALLBACK_CONDITION_NO_ANSWER, action: A.FALLBACK_ACTION_NEXT_CLOSER },
  { condition: C.FALLBACK_CONDITION_VOICEMAIL, action: A.FALLBACK_ACTION_NEXT_CLOSER },
  { condition: C.FALLBACK_CONDITION_RESERVATION_TIMEOUT, action: A.FALLBACK_ACTION_NEXT_CLOSER },
  {
    condition: C.FALLBACK_CONDITION_ATTEMPTS_EXHAUSTED,
    action: A.FALLBACK_ACTION_BOOK_APPOINTMENT,
  },
  {
    condition: C.FALLBACK_CONDITION_NO_CLOSER_AVAILABLE,
    action: A.FALLBACK_ACTION_BOOK_APPOINTMENT,
  },
];

/** A live-transfer grant as the governor signs it. */
function grantFor(
  interactionId: string,
  overrides: Partial<GrantClaimsInput> = {},
  by: GrantSigner = signer,
  now = Date.now(),
): warmline.v1.AuthorityGrant {
  return by.issue(
    {
      interactionId,
      intentVersion: 1,
      scopes: ['transfer.live'],
      fallbackScopes: ['appointment.book'],
      policyId: 'solar',
      policyVersion: 1,
      decisionId: `dec-${interactionId}`,
      campaignId: 'solar-q4',
      constraints: { maxAttempts: 2, reservationTimeoutMs: 10_000 },
      fallbackRules: RULES,
      ttlMs: 120_000,
      ...overrides,
    },
    now,
  );
}

/** The governor's AUTHORIZE_LIVE_TRANSFER decision carrying `grant`. */
async function authorize(
  interactionId: string,
  grant: warmline.v1.IAuthorityGrant,
  options: { eventId?: string; intentVersion?: number } = {},
): Promise<void> {
  const intentVersion = options.intentVersion ?? 1;
  await governor.publish('decision', interactionId, {
    ...(options.eventId ? { eventId: options.eventId } : {}),
    intentVersion,
    authority: { grant },
    escalationDecision: {
      decisionId: `dec-${interactionId}`,
      interactionId,
      intentVersion,
      outcome: v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
      grant,
      decidedAt: toTimestamp(Date.now()),
    },
  });
}

function grantIdOf(grant: warmline.v1.IAuthorityGrant): string {
  return v1.GrantClaims.decode(grant.claims!).grantId;
}

function handoffEventsOf(interactionId: string): warmline.v1.IHandoffEvent[] {
  return handoffs.of(interactionId).flatMap((e) => (e.handoffEvent ? [e.handoffEvent] : []));
}

function reservationEventsOf(interactionId: string): warmline.v1.IReservationEvent[] {
  return handoffs
    .of(interactionId)
    .flatMap((e) => (e.reservationEvent ? [e.reservationEvent] : []));
}

function commandsOf(interactionId: string): warmline.v1.Envelope[] {
  return telephony.of(interactionId).filter((e) => e.telephonyCommand);
}

function verbs(interactionId: string): string[] {
  return commandsOf(interactionId).map((e) => {
    const [, attempt, verb] = (e.telephonyCommand!.idempotencyKey ?? '').split(':');
    return `${verb}@${attempt}`;
  });
}

function states(interactionId: string): string[] {
  return handoffEventsOf(interactionId).map((e) => H[e.state ?? 0]!.replace('HANDOFF_STATE_', ''));
}

const ENDED = [
  v1.ReservationState.RESERVATION_STATE_REJECTED,
  v1.ReservationState.RESERVATION_STATE_TIMEOUT,
  v1.ReservationState.RESERVATION_STATE_RESCINDED,
];

const TERMINAL = [
  H.HANDOFF_STATE_BRIDGED,
  H.HANDOFF_STATE_CALLER_ABANDONED,
  H.HANDOFF_STATE_FAILED,
  H.HANDOFF_STATE_FALLBACK_APPOINTMENT,
  H.HANDOFF_STATE_RETURNED_TO_AI,
];

/** Waits until the interaction's transfer reached a terminal state (or `state`). */
async function until(
  interactionId: string,
  state?: warmline.v1.HandoffState,
  timeoutMs = 20_000,
): Promise<warmline.v1.IHandoffEvent[]> {
  return eventually(
    () => handoffEventsOf(interactionId),
    (events) =>
      events.some((e) =>
        state === undefined ? TERMINAL.includes(e.state ?? 0) : e.state === state,
      ),
    timeoutMs,
  );
}

interface LedgerReservation {
  readonly id: string;
  readonly status: string;
  readonly reservedAtMs: number;
  readonly changedAtMs: number;
}

/** The closer's reservations in the ledger (router.ledger.<closer>), read as an operator would. */
async function ledgerOf(closerId: string): Promise<LedgerReservation[]> {
  const stored = await store.checkpoints.get(`router.ledger.${closerId}`);
  if (stored === null) return [];
  const checkpoint = JSON.parse(new TextDecoder().decode(stored.value)) as {
    state: { reservations: LedgerReservation[] };
  };
  return checkpoint.state.reservations;
}

/** The router's dead letter of the message with `eventId`. */
async function deadLetterOf(eventId: string) {
  const isIt = (r: warmline.v1.IDeadLetter) =>
    r.agent === 'router' && decodeEnvelope(r.originalData!).eventId === eventId;
  const records = await eventually(
    () => storedDeadLetters(stack.jsm),
    (list) => list.some(isIt),
    10_000,
  );
  return records.find(isIt)!;
}

// ---------------------------------------------------------------------------------------------

describe('router (separate processes, two replicas)', () => {
  it('happy path: reservation, a brief with every validated marker, ringing, acceptance, bridge — in order', async () => {
    const iid = newInteraction();
    const territory = newTerritory();
    const [closer] = await team(territory, ['ana']);
    await writeIntent(iid, territory);
    stage.play(iid);
    const grant = grantFor(iid);
    await authorize(iid, grant);
    await until(iid, H.HANDOFF_STATE_BRIDGED);

    expect(states(iid)).toEqual([
      'REQUESTED',
      'RESERVED',
      'BRIEFING',
      'RINGING',
      'ACCEPTED',
      'BRIDGED',
    ]);
    const events = handoffEventsOf(iid);
    expect(events.every((e) => e.mode === v1.TransferMode.TRANSFER_MODE_WARM)).toBe(true);
    expect(events.every((e) => e.grantId === grantIdOf(grant) && e.attempt === 1)).toBe(true);
    expect(events.at(-1)).toMatchObject({
      closerId: closer,
      legId: expect.stringMatching(/^leg-/),
    });

    const brief = events.find((e) => e.state === H.HANDOFF_STATE_BRIEFING)!.brief!;
    expect(brief.validatedMarkers!.map((m) => [m.kind, m.quotes])).toEqual([
      [v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED, [QUOTES.scope]],
      [v1.MarkerKind.MARKER_KIND_TIMING_CONSENT, [QUOTES.timing]],
      [v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION, [QUOTES.escalation]],
    ]);
    expect(brief.doNotAsk).toContain('What are you looking for?');
    expect(brief.text).toContain(QUOTES.escalation);
    expect(brief.peakAgeMs).toBeGreaterThan(0);

    const pending = reservationEventsOf(iid)[0]!;
    expect(pending).toMatchObject({
      state: v1.ReservationState.RESERVATION_STATE_PENDING,
      closerId: closer,
    });
    expect(pending.brief?.validatedMarkers).toHaveLength(3);
    expect(pending.expiresAt).toBeTruthy();

    expect(verbs(iid)).toEqual(['hold@1', 'dial@1', 'whisper@1', 'bridge@1']);
    for (const envelope of commandsOf(iid)) {
      expect(envelope.authority?.grant?.claims).toEqual(grant.claims);
      expect(envelope.producer?.agent).toBe('router');
    }
    expect(stage.bridges.find((b) => b.interactionId === iid)).toEqual({
      interactionId: iid,
      briefedBefore: true,
    });

    const audit = await eventually(
      () => store.audit.list(iid),
      (records) => records.filter((r) => r.kind === 'handoff').length >= 6,
    );
    expect(audit.find((r) => r.kind === 'grant')?.summary).toMatchObject({ event: 'used' });
  }, 40_000);

  it('moves on through reservation rejected, reservation timeout, declined and voicemail, then books an appointment', async () => {
    const iid = newInteraction();
    const territory = newTerritory();
    const [a, b, c, d] = await team(territory, ['a', 'b', 'c', 'd']);
    await writeIntent(iid, territory);
    stage.play(iid, {
      [a!]: { desk: 'reject', phone: 'answer' },
      [b!]: { desk: 'ignore', phone: 'answer' },
      [c!]: { desk: 'accept', phone: 'decline' },
      [d!]: { desk: 'accept', phone: 'voicemail' },
    });
    await authorize(
      iid,
      grantFor(iid, { constraints: { maxAttempts: 4, reservationTimeoutMs: 1_500 } }),
    );
    const events = await until(iid, H.HANDOFF_STATE_FALLBACK_APPOINTMENT, 30_000);

    const failures = events
      .filter((e) =>
        [
          H.HANDOFF_STATE_DECLINED,
          H.HANDOFF_STATE_NO_ANSWER,
          H.HANDOFF_STATE_VOICEMAIL_AT_CLOSER,
        ].includes(e.state ?? 0),
      )
      .map((e) => [e.closerId, H[e.state ?? 0], R[e.failureReason ?? 0]]);
    expect(failures).toEqual([
      [a, 'HANDOFF_STATE_DECLINED', 'HANDOFF_FAILURE_REASON_RESERVATION_REJECTED'],
      [b, 'HANDOFF_STATE_NO_ANSWER', 'HANDOFF_FAILURE_REASON_RESERVATION_TIMEOUT'],
      [c, 'HANDOFF_STATE_DECLINED', 'HANDOFF_FAILURE_REASON_CLOSER_DECLINED'],
      [d, 'HANDOFF_STATE_VOICEMAIL_AT_CLOSER', 'HANDOFF_FAILURE_REASON_VOICEMAIL_AT_CLOSER'],
    ]);
    const retries = events.filter((e) => e.state === H.HANDOFF_STATE_REQUESTED && e.attempt! > 1);
    expect(retries.map((e) => e.fallbackAction)).toEqual([
      A.FALLBACK_ACTION_NEXT_CLOSER,
      A.FALLBACK_ACTION_NEXT_CLOSER,
      A.FALLBACK_ACTION_NEXT_CLOSER,
    ]);

    const appointment = handoffs
      .of(iid)
      .find((e) => e.handoffEvent?.state === H.HANDOFF_STATE_FALLBACK_APPOINTMENT)!;
    expect(appointment.handoffEvent).toMatchObject({
      failureReason: R.HANDOFF_FAILURE_REASON_ATTEMPTS_EXHAUSTED,
      fallbackAction: A.FALLBACK_ACTION_BOOK_APPOINTMENT,
      attempt: 4,
    });
    expect(appointment.handoffEvent!.brief?.validatedMarkers).toHaveLength(3);
    expect(appointment.authority?.grant?.signature).toHaveLength(64);

    expect(reservationEventsOf(iid).map((e) => v1.ReservationState[e.state ?? 0])).toEqual([
      'RESERVATION_STATE_PENDING',
      'RESERVATION_STATE_REJECTED',
      'RESERVATION_STATE_PENDING',
      'RESERVATION_STATE_TIMEOUT',
      'RESERVATION_STATE_PENDING',
      'RESERVATION_STATE_ACCEPTED',
      'RESERVATION_STATE_RESCINDED',
      'RESERVATION_STATE_PENDING',
      'RESERVATION_STATE_ACCEPTED',
      'RESERVATION_STATE_RESCINDED',
    ]);
    // One dial per attempt that reached the phone; the voicemail leg is hung up; the buyer goes back
    // to the AI (who sets up the appointment) only once.
    expect(verbs(iid)).toEqual(['hold@3', 'dial@3', 'dial@4', 'cancel@4', 'return_to_agent@4']);
    await eventually(
      async () => (await Promise.all([a!, b!, c!, d!].map(ledgerOf))).flat(),
      (all) => all.length === 4 && all.every((r) => !['pending', 'accepted'].includes(r.status)),
    );
  }, 60_000);

  it('caller hangs up while the closer’s phone rings: leg cancelled, reservation released, caller-abandoned', async () => {
    const iid = newInteraction();
    const territory = newTerritory();
    const [closer] = await team(territory, ['ringo']);
    await writeIntent(iid, territory);
    stage.play(iid, { [`${territory}-ringo`]: { desk: 'accept', phone: 'ring' } });
    await authorize(iid, grantFor(iid));
    await until(iid, H.HANDOFF_STATE_RINGING);
    const dial = commandsOf(iid).find((e) => e.telephonyCommand?.dialCloser)!.telephonyCommand!;
    await report(gateway, iid, dial, P.CALL_PROGRESS_STATE_CALLER_HUNG_UP, '');
    const events = await until(iid, H.HANDOFF_STATE_CALLER_ABANDONED);

    expect(events.at(-1)).toMatchObject({ failureReason: R.HANDOFF_FAILURE_REASON_CALLER_HUNG_UP });
    await eventually(
      () => verbs(iid),
      (list) => list.includes('cancel@1'),
    );
    const cancel = commandsOf(iid).find((e) => e.telephonyCommand?.cancel)!.telephonyCommand!;
    expect(cancel.cancel!.legId).toBe(legOf(dial));
    expect(reservationEventsOf(iid).at(-1)!.state).toBe(
      v1.ReservationState.RESERVATION_STATE_RESCINDED,
    );
    // The closer had accepted: their seat is released (free again), not left held.
    const ledger = await eventually(
      () => ledgerOf(closer!),
      (list) => list.length === 1 && list[0]!.status === 'released',
    );
    expect(ledger).toHaveLength(1);
    expect(verbs(iid)).not.toContain('bridge@1');
  }, 40_000);

  describe('refused grants never produce a telephony command', () => {
    const forger = new GrantSigner({ signingKey: signingKeyFromSeed(generateSigningKey().seed) });
    it.each([
      ['forged', (iid: string) => grantFor(iid, {}, forger), 'GRANT_UNTRUSTED_ISSUER'],
      [
        'expired',
        (iid: string) => grantFor(iid, { ttlMs: 1_000 }, signer, Date.now() - 60_000),
        'GRANT_EXPIRED',
      ],
      ['for another interaction', () => grantFor('someone-else'), 'GRANT_INTERACTION_MISMATCH'],
    ])(
      '%s: FAILED (GRANT_INVALID), audited, dead-lettered with its code',
      async (_, make, code) => {
        const iid = newInteraction();
        const territory = newTerritory();
        await team(territory, ['x']);
        await writeIntent(iid, territory);
        const eventId = `${iid}-decision`;
        await authorize(iid, make(iid), { eventId });

        const dead = await deadLetterOf(eventId);
        expect(dead).toMatchObject({
          reasonName: 'GRANT_REFUSED',
          errorCode: code,
          agent: 'router',
        });
        const events = await until(iid, H.HANDOFF_STATE_FAILED);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({ failureReason: R.HANDOFF_FAILURE_REASON_GRANT_INVALID });
        expect(events[0]!.detail).toContain(code);
        const audit = await store.audit.list(iid, { kinds: ['grant'] });
        expect(audit.map((r) => r.summary)).toEqual([
          expect.objectContaining({ event: 'refused', reason: code }),
        ]);
        await sleep(300);
        expect(commandsOf(iid)).toEqual([]);
      },
      30_000,
    );

    it('stale (decided on an older intent version than one seen) and replayed (already executed) grants', async () => {
      const iid = newInteraction();
      const territory = newTerritory();
      await team(territory, ['solo']);
      await writeIntent(iid, territory);
      stage.play(iid, {}, { hangUpAfterBridge: true });
      const grant = grantFor(iid);
      await authorize(iid, grant);
      await until(iid, H.HANDOFF_STATE_BRIDGED);
      const commandsBefore = commandsOf(iid).length;

      await authorize(iid, grant, { eventId: `${iid}-replay` });
      expect(await deadLetterOf(`${iid}-replay`)).toMatchObject({ errorCode: 'GRANT_REPLAYED' });

      // The governor has since decided on version 3; a grant decided on version 2 is stale.
      await governor.publish('decision', iid, {
        intentVersion: 3,
        escalationDecision: {
          interactionId: iid,
          intentVersion: 3,
          outcome: v1.EscalationOutcome.ESCALATION_OUTCOME_HOLD,
        },
      });
      await authorize(iid, grantFor(iid, { intentVersion: 2 }), {
        eventId: `${iid}-stale`,
        intentVersion: 2,
      });
      expect(await deadLetterOf(`${iid}-stale`)).toMatchObject({ errorCode: 'GRANT_STALE_INTENT' });

      const refusedAudit = await eventually(
        () => store.audit.list(iid, { kinds: ['grant'] }),
        (records) => records.filter((r) => r.summary?.['event'] === 'refused').length === 2,
      );
      const refusals = refusedAudit.filter((r) => r.summary?.['event'] === 'refused');
      expect(refusals.map((r) => r.summary?.['reason'])).toEqual([
        'GRANT_REPLAYED',
        'GRANT_STALE_INTENT',
      ]);
      await sleep(300);
      expect(commandsOf(iid)).toHaveLength(commandsBefore);
      expect(states(iid).filter((s) => s === 'BRIDGED')).toHaveLength(1);
    }, 40_000);
  });

  it('two replicas and a duplicated grant: exactly one transfer, one dial per attempt', async () => {
    const iid = newInteraction();
    const territory = newTerritory();
    await team(territory, ['p', 'q']);
    await writeIntent(iid, territory);
    stage.play(iid, { [`${territory}-p`]: { desk: 'accept', phone: 'no_answer' } });
    const grant = grantFor(iid);
    await Promise.all([
      authorize(iid, grant, { eventId: `${iid}-a` }),
      authorize(iid, grant, { eventId: `${iid}-b` }),
      authorize(iid, grant, { eventId: `${iid}-c` }),
    ]);
    await until(iid, H.HANDOFF_STATE_BRIDGED);
    await sleep(500);
    const handoffIds = new Set(handoffEventsOf(iid).map((e) => e.handoffId));
    expect(handoffIds.size).toBe(1);
    expect(states(iid).filter((s) => s === 'REQUESTED')).toHaveLength(2);
    expect(verbs(iid)).toEqual(['hold@1', 'dial@1', 'dial@2', 'whisper@2', 'bridge@2']);
    expect(
      reservationEventsOf(iid).filter(
        (e) => e.state === v1.ReservationState.RESERVATION_STATE_PENDING,
      ),
    ).toHaveLength(2);
  }, 40_000);

  it('50 concurrent grants against 5 closers of capacity 1 never over-reserve', async () => {
    const territory = newTerritory();
    const closers = await team(territory, ['s1', 's2', 's3', 's4', 's5']);
    const interactions = Array.from({ length: 50 }, () => newInteraction());
    await Promise.all(interactions.map((iid) => writeIntent(iid, territory)));
    // Every first reservation is turned down, so seats keep being freed and re-taken while grants
    // are still arriving on both replicas.
    for (const iid of interactions) {
      stage.play(iid, {}, { hangUpAfterBridge: true, rejectFirstAttempt: true });
    }
    const start = handoffs.envelopes.length;
    // Published back to back: the stream holds them all at once, and both replicas take them
    // on their 16 partitions concurrently.
    for (const iid of interactions) {
      await authorize(
        iid,
        grantFor(iid, { constraints: { maxAttempts: 3, reservationTimeoutMs: 10_000 } }),
      );
    }
    await eventually(
      () =>
        interactions.filter((iid) =>
          handoffEventsOf(iid).some((e) => TERMINAL.includes(e.state ?? 0)),
        ),
      (done) => done.length === interactions.length,
      60_000,
    );

    // In stream order, no closer ever holds two live reservations.
    const live = new Map<string, Set<string>>();
    let mostAtOnce = 0;
    for (const envelope of handoffs.envelopes.slice(start)) {
      const event = envelope.reservationEvent;
      const closerId = event?.closerId ?? '';
      if (!event || !closers.includes(closerId)) continue;
      const held = live.get(closerId) ?? new Set<string>();
      const state = event.state ?? v1.ReservationState.RESERVATION_STATE_UNSPECIFIED;
      if (state === v1.ReservationState.RESERVATION_STATE_PENDING)
        held.add(event.reservationId ?? '');
      if (ENDED.includes(state)) held.delete(event.reservationId ?? '');
      live.set(closerId, held);
      expect(held.size).toBeLessThanOrEqual(1);
      mostAtOnce = Math.max(
        mostAtOnce,
        [...live.values()].reduce((n, s) => n + s.size, 0),
      );
    }
    expect(mostAtOnce).toBeLessThanOrEqual(5);

    const outcomes = interactions.map((iid) => {
      const events = handoffEventsOf(iid);
      expect(new Set(events.map((e) => e.handoffId)).size).toBe(1);
      expect(events.filter((e) => e.state === H.HANDOFF_STATE_BRIDGED).length).toBeLessThanOrEqual(
        1,
      );
      const dials = verbs(iid).filter((v) => v.startsWith('dial@'));
      expect(new Set(dials).size).toBe(dials.length);
      return H[events.find((e) => TERMINAL.includes(e.state ?? 0))!.state ?? 0];
    });
    const bridged = outcomes.filter((o) => o === 'HANDOFF_STATE_BRIDGED').length;
    expect(bridged).toBeGreaterThanOrEqual(5);
    expect(
      outcomes.every(
        (o) => o === 'HANDOFF_STATE_BRIDGED' || o === 'HANDOFF_STATE_FALLBACK_APPOINTMENT',
      ),
    ).toBe(true);
    // Every seat is free again once the calls ended; the ledger never held more than capacity.
    const ledgers = await eventually(
      async () => await Promise.all(closers.map(ledgerOf)),
      (all) => all.every((list) => list.every((r) => !['pending', 'accepted'].includes(r.status))),
      15_000,
    );
    expect(ledgers.flat().length).toBeGreaterThanOrEqual(bridged);
    // The ledger's own record: each closer's seat was taken again only after it had been freed.
    for (const list of ledgers) {
      const byTime = [...list].sort((x, y) => x.reservedAtMs - y.reservedAtMs);
      byTime.slice(1).forEach((next, i) => {
        expect(next.reservedAtMs).toBeGreaterThanOrEqual(byTime[i]!.changedAtMs);
      });
    }
  }, 120_000);

  it('no closer available at all: an appointment at once, the buyer never held', async () => {
    const iid = newInteraction();
    await writeIntent(iid, newTerritory()); // a territory nobody covers
    await authorize(iid, grantFor(iid));
    const events = await until(iid);
    expect(states(iid)).toEqual(['REQUESTED', 'FALLBACK_APPOINTMENT']);
    expect(events.at(-1)).toMatchObject({
      failureReason: R.HANDOFF_FAILURE_REASON_NO_CLOSER_AVAILABLE,
      fallbackAction: A.FALLBACK_ACTION_BOOK_APPOINTMENT,
    });
    await sleep(300);
    expect(verbs(iid)).toEqual([]);
  }, 30_000);

  it('cold mode: a transfer with no brief and no reservation, labelled cold', async () => {
    const iid = newInteraction();
    const territory = newTerritory();
    await team(territory, ['cold']);
    await writeIntent(iid, territory);
    stage.play(iid);
    await authorize(iid, grantFor(iid, { transferMode: v1.TransferMode.TRANSFER_MODE_COLD }));
    await until(iid, H.HANDOFF_STATE_BRIDGED);
    expect(states(iid)).toEqual(['REQUESTED', 'RINGING', 'ACCEPTED', 'BRIDGED']);
    const events = handoffEventsOf(iid);
    expect(events.every((e) => e.mode === v1.TransferMode.TRANSFER_MODE_COLD)).toBe(true);
    expect(events.every((e) => !e.brief)).toBe(true);
    expect(reservationEventsOf(iid)).toEqual([]);
    expect(verbs(iid)).toEqual(['hold@1', 'dial@1', 'bridge@1']);
  }, 30_000);

  it('a revoked grant stops an unbridged transfer: back to the AI with GRANT_EXPIRED, seat rescinded', async () => {
    const iid = newInteraction();
    const territory = newTerritory();
    const [closer] = await team(territory, ['rev']);
    await writeIntent(iid, territory);
    stage.play(iid, { [`${territory}-rev`]: { desk: 'ignore', phone: 'answer' } });
    const grant = grantFor(iid);
    await authorize(iid, grant);
    await until(iid, H.HANDOFF_STATE_BRIEFING);
    await governor.publish('decision', iid, {
      eventId: `revoke-${grantIdOf(grant)}`,
      intentVersion: 2,
      grantRevoked: {
        grantId: grantIdOf(grant),
        reason: v1.GrantRevocationReason.GRANT_REVOCATION_REASON_MARKER_REVOKED,
        intentVersion: 2,
      },
    });
    const events = await until(iid, H.HANDOFF_STATE_RETURNED_TO_AI);
    expect(events.at(-1)).toMatchObject({ failureReason: R.HANDOFF_FAILURE_REASON_GRANT_EXPIRED });
    expect(reservationEventsOf(iid).at(-1)!.state).toBe(
      v1.ReservationState.RESERVATION_STATE_RESCINDED,
    );
    await eventually(
      () => verbs(iid),
      (list) => list.length === 1,
    );
    expect(verbs(iid)).toEqual(['return_to_agent@1']);
    await eventually(
      () => ledgerOf(closer!),
      (list) => list[0]?.status === 'rescinded',
    );
  }, 30_000);

  it('a reservation timeout still fires after every replica was killed and one restarted', async () => {
    const iid = newInteraction();
    const territory = newTerritory();
    await team(territory, ['a-slow', 'b-fast']); // fairness ties break by id: slow first
    await writeIntent(iid, territory);
    stage.play(iid, { [`${territory}-a-slow`]: { desk: 'ignore', phone: 'answer' } });
    await authorize(
      iid,
      grantFor(iid, { constraints: { maxAttempts: 2, reservationTimeoutMs: 4_000 } }),
    );
    await until(iid, H.HANDOFF_STATE_BRIEFING);
    // Killed once the timer is marked for the next replica (right after the step that armed it).
    await eventually(
      () => store.checkpoints.get(`router.waiting.${iid}`),
      (marker) => marker !== null,
    );
    await Promise.all(routers.map((r) => r.kill()));
    routers = [await stack.start('router', ROUTER_ENV)];
    const events = await until(iid, H.HANDOFF_STATE_BRIDGED, 30_000);
    const timeout = events.find((e) => e.state === H.HANDOFF_STATE_NO_ANSWER)!;
    expect(timeout).toMatchObject({
      closerId: `${territory}-a-slow`,
      failureReason: R.HANDOFF_FAILURE_REASON_RESERVATION_TIMEOUT,
    });
    expect(events.at(-1)).toMatchObject({ closerId: `${territory}-b-fast`, attempt: 2 });
  }, 60_000);
});
