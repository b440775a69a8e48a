// The scenarios of the intent pipeline and of the handoff, entered the way production enters them: a
// voice stack and Twilio posting to the gateway's HTTP API, closer desks reporting presence and
// answering reservations over HTTP, and every agent its own process on a real broker. The test plays
// only the telephony adapter (CallProgress on the bus as the gateway's NATS user: the gateway has no
// call-progress endpoint) and reads the outcome where it lands: telephony commands, bookings,
// decisions and the streams in between.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { GrantVerifier, SCOPES, type GrantClaims } from '@warmline/authority';
import type { EventBus, EnvelopeInit } from '@warmline/bus';
import { decodeEnvelope, fromTimestamp, v1, type warmline } from '@warmline/contracts';
import { DEFAULT_POLICY } from '@warmline/policy';
import { eventually, sleep, storedDeadLetters, workspaceRoot } from '@warmline/testing';
import { ALWAYS_WORKING } from './support/closers.js';
import {
  conversationEvents,
  EXPLICIT_BUYER,
  HEDGING_BUYER,
  type PlannedEvent,
  type Turn,
} from './support/conversation.js';
import { GatewayApi, type GatewayAnswer, type TwilioAuth } from './support/gateway-api.js';
import { HttpDesk } from './support/http-desk.js';
import { BusRecord, outcomeOf, reasonsOf } from './support/bus-record.js';
import { legOf, report, Stage, type CloserScript } from './support/stage.js';
import { twilioCallbacks, type TwilioCallOutcome } from './support/twilio-callbacks.js';
import { warmlineUnderTest, type WarmlineUnderTest } from './support/warmline-under-test.js';

const O = v1.EscalationOutcome;
const Code = v1.DecisionReasonCode;
const H = v1.HandoffState;
const R = v1.HandoffFailureReason;
const K = v1.MarkerKind;
const ALL_MARKERS = [
  K.MARKER_KIND_SCOPE_CONFIRMED,
  K.MARKER_KIND_TIMING_CONSENT,
  K.MARKER_KIND_NEXT_STEP_ACCEPTED,
  K.MARKER_KIND_ESCALATION_PERMISSION,
];
const CREDENTIALS = {
  events: 'tg-voice-agent-key-0123456789',
  twilio: 'tg-twilio-key-0123456789abc',
  desk: 'tg-desk-key-0123456789abcdef',
  twilioAuthToken: 'tg-twilio-auth-token-for-tests',
};
const CLOSERS = ['tg-closer-1', 'tg-closer-2', 'tg-closer-3', 'tg-closer-4'];
const WARM_TRANSFER = ['hold@1', 'dial@1', 'whisper@1', 'bridge@1'];

/** An ordinary, non-committal stretch of a call: 18 turns (20 events with the call's opening). */
const BURST_TURNS: readonly Turn[] = [
  { agent: 'How long have you lived at the property?' },
  { buyer: 'About ten years now.' },
  { agent: 'How many people live there?' },
  { buyer: 'Four of us.' },
  { agent: 'What is your average monthly energy bill?' },
  { buyer: 'Around two hundred dollars.' },
  { agent: 'Which way does the roof face?' },
  { buyer: 'Mostly south, I think.' },
  { agent: 'Is there any shading from trees?' },
  { buyer: 'A little in the afternoon.' },
  { agent: 'Have you had any roof work done recently?' },
  { buyer: 'Not in the last few years.' },
  { agent: 'Do you drive an electric vehicle?' },
  { buyer: 'Not yet.' },
  { agent: 'Roughly how large is the house?' },
  { buyer: 'About two thousand square feet.' },
  { agent: 'Thanks, that is helpful.' },
  { buyer: 'Sure.' },
];

let stack: WarmlineUnderTest;
let api: GatewayApi;
let record: BusRecord;
let telephonyAdapter: EventBus;
let desk: HttpDesk;
let stage: Stage;
let verifier: GrantVerifier;
let policyDir: string;

beforeAll(async () => {
  stack = await warmlineUnderTest();
  policyDir = mkdtempSync(join(tmpdir(), 'through-gateway-policies-'));
  const limited = join(policyDir, 'limited.policy.json');
  writeFileSync(
    limited,
    JSON.stringify({
      ...DEFAULT_POLICY,
      id: 'limited',
      campaigns: ['limited'],
      team: 'limited',
      controls: { ...DEFAULT_POLICY.controls, escalationsPerMinute: 1 },
    }),
  );
  const gateway = await stack.start('gateway', {
    WARMLINE_HTTP_PORT: '0',
    WARMLINE_HTTP_HOST: '127.0.0.1',
    WARMLINE_API_KEYS: [
      `voice-agent:${CREDENTIALS.events}:events`,
      `twilio:${CREDENTIALS.twilio}:twilio`,
      `desk:${CREDENTIALS.desk}:desk`,
    ].join(','),
    WARMLINE_TWILIO_AUTH_TOKEN: CREDENTIALS.twilioAuthToken,
  });
  api = GatewayApi.of(gateway, CREDENTIALS);
  // The closers sign in at their desks before the agents start, so every agent loads them.
  for (const closerId of CLOSERS) {
    const answer = await api.reportPresence(closerId, {
      presence: 'AVAILABLE',
      languages: ['en-US'],
      capacity: 1,
      timeZone: 'UTC',
      workingHours: ALWAYS_WORKING,
      displayName: closerId,
      address: `sip:${closerId}@desk.example`,
    });
    if (answer.status !== 202)
      throw new Error(`presence of ${closerId}: ${JSON.stringify(answer)}`);
  }
  const defaultPolicy = join(workspaceRoot(), 'libs/policy/policies/default.policy.yaml');
  await Promise.all([
    // Conversations are posted just after they "happened": allow that as transport lag, or early
    // segments would be flagged ASR_LAG and hold the buyer.
    stack.start('perception', { WARMLINE_MAX_ASR_LATENCY_MS: '15000' }),
    stack.start('qualification'),
    stack.start('escalation-governor', {
      WARMLINE_POLICY_FILES: [defaultPolicy, limited].join(','),
    }),
    stack.start('router'),
    stack.start('scheduler'),
  ]);
  record = await BusRecord.open(stack.jsm);
  telephonyAdapter = await stack.busAs('gateway');
  desk = new HttpDesk(api);
  stage = new Stage(telephonyAdapter, record.taps.handoff, record.taps.telephony, {
    desk: desk.answer,
  });
  verifier = new GrantVerifier({ trustedIssuerKeys: [stack.grantKey.publicKey] });
}, 120_000);

afterAll(async () => {
  stage?.stop();
  await record?.stop();
  await stack?.stop();
  if (policyDir) rmSync(policyDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Entering through the gateway
// ---------------------------------------------------------------------------------------------

let counter = 0;
const newInteraction = (label: string) =>
  `tg-${label}-${++counter}-${Math.random().toString(36).slice(2, 6)}`;

/** One event's acknowledgement as the caller saw it. */
interface Acknowledged {
  readonly status: number;
  readonly eventId: unknown;
  readonly duplicate: unknown;
}

function acknowledged(answer: GatewayAnswer): Acknowledged[] {
  const batch = answer.body['accepted'];
  const list = Array.isArray(batch) ? (batch as Record<string, unknown>[]) : [answer.body];
  return list.map((a) => ({
    status: answer.status,
    eventId: a['eventId'],
    duplicate: a['duplicate'],
  }));
}

/** Posts `events` in requests of `perRequest` events (1: singles), one request after the other. */
async function postInRequests(
  iid: string,
  events: readonly PlannedEvent[],
  perRequest: number,
): Promise<Acknowledged[]> {
  const acks: Acknowledged[] = [];
  for (let at = 0; at < events.length; at += perRequest) {
    acks.push(...acknowledged(await api.sendEvents(iid, events.slice(at, at + perRequest))));
  }
  return acks;
}

/** Posts a conversation (as one batch, or event by event) and expects every event accepted as new. */
async function post(
  iid: string,
  events: readonly PlannedEvent[],
  mode: 'batch' | 'singles' = 'batch',
): Promise<void> {
  const acks = await postInRequests(iid, events, mode === 'batch' ? events.length : 1);
  expect(acks).toEqual(events.map((e) => ({ status: 202, eventId: e.eventId, duplicate: false })));
}

/**
 * `events` ending in an utterance and the agent's interruption of it, reordered as a live barge-in is
 * reported: the interruption first (numbered and timed where the utterance was), then the cut
 * utterance's final segment.
 */
function bargeInFirst(events: readonly PlannedEvent[]): PlannedEvent[] {
  const [utterance, interruption] = events.slice(-2);
  if (
    !utterance?.perceptionEvent.transcriptSegment ||
    !interruption?.perceptionEvent.interruption
  ) {
    throw new Error('bargeInFirst needs a transcript segment followed by its interruption');
  }
  return [
    ...events.slice(0, -2),
    { ...interruption, sequence: utterance.sequence, occurredAt: utterance.occurredAt },
    { ...utterance, sequence: interruption.sequence, occurredAt: interruption.occurredAt },
  ];
}

/** The buyer's turns alone, numbered from 1 (the call itself was opened by Twilio's callbacks). */
function transcriptOnly(iid: string, turns: readonly Turn[]): PlannedEvent[] {
  return conversationEvents(iid, turns)
    .slice(2)
    .map((event, i) => ({ ...event, sequence: i + 1 }));
}

/**
 * What `read` lists once it holds at least `count` entries: what was acknowledged (or published) on
 * one stream reaches the test's tap of it a moment later, and other streams' taps in their own time.
 */
function untilSeen<T>(read: () => T[], count: number, timeoutMs = 20_000): Promise<T[]> {
  return eventually(read, (list) => list.length >= count, timeoutMs);
}

const markerOf = (state: warmline.v1.IIntentState | undefined, kind: warmline.v1.MarkerKind) =>
  state?.markers?.find((m) => m.kind === kind);

/** The live-transfer grant of an authorisation, verified as the router verifies it. */
function liveGrant(decision: warmline.v1.Envelope): GrantClaims {
  return verifier.verify(decision.authority?.grant, {
    interactionId: decision.interactionId,
    intentVersion: decision.intentVersion,
    requiredScope: SCOPES.transferLive,
  });
}

/** Every closer of the team answers `iid` with `script`. */
const everyCloser = (script: CloserScript): Record<string, CloserScript> =>
  Object.fromEntries(CLOSERS.map((closerId) => [closerId, script]));

/** Expects `booked` inside the buyer's consented window: Thursday from 14:00, New York time. */
function expectInsideConsent(booked: warmline.v1.IAppointmentBooked, claims: GrantClaims): void {
  const window = claims.consentWindow!;
  const start = fromTimestamp(booked.startAt!);
  expect(start).toBeGreaterThanOrEqual(window.startAtMs);
  expect(fromTimestamp(booked.endAt!)).toBeLessThanOrEqual(window.endAtMs);
  const local = new Date(start).toLocaleString('en-US', {
    timeZone: 'America/New_York',
    weekday: 'long',
    hour: 'numeric',
    hour12: false,
  });
  expect(local).toMatch(/^Thursday.* (1[4-9]|2[0-3])$/);
}

/**
 * Expects what the governor decided on `iid` to be a voicemail's: no grant, only holds and denials,
 * some taken on an answering machine, each of those (and the last decision) citing VOICEMAIL.
 */
function expectHeldAsVoicemail(iid: string): void {
  const decisions = record.decisions(iid);
  expect(record.grants(iid)).toEqual([]);
  expect(
    decisions
      .map(outcomeOf)
      .every((o) => o === 'ESCALATION_OUTCOME_HOLD' || o === 'ESCALATION_OUTCOME_DENY'),
  ).toBe(true);
  const onVoicemail = decisions.filter(
    (e) => record.intentAt(iid, e.intentVersion)?.callHealth?.answeringMachine === true,
  );
  expect(onVoicemail.length).toBeGreaterThan(0);
  expect(onVoicemail.every((e) => reasonsOf(e).includes('DECISION_REASON_CODE_VOICEMAIL'))).toBe(
    true,
  );
  expect(reasonsOf(decisions.at(-1)!)).toContain('DECISION_REASON_CODE_VOICEMAIL');
}

// ---------------------------------------------------------------------------------------------

describe('through the gateway: HTTP in, telephony commands and bookings out (every agent its own process)', () => {
  it('warm transfer: authorised on the explicit buyer, accepted at the desk over HTTP, then hold, dial, whisper and bridge', async () => {
    const iid = newInteraction('warm');
    stage.play(iid, {}, { hangUpAfterBridge: true });
    await post(iid, conversationEvents(iid, EXPLICIT_BUYER));
    await record.untilHandoff(iid, H.HANDOFF_STATE_BRIDGED);

    const decisions = record.decisions(iid);
    const authorised = decisions.filter(
      (e) => outcomeOf(e) === 'ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER',
    );
    expect(authorised).toHaveLength(1);
    const before = decisions.slice(0, decisions.indexOf(authorised[0]!)).map(outcomeOf);
    expect(new Set(before)).toEqual(new Set(['ESCALATION_OUTCOME_HOLD']));
    const claims = liveGrant(authorised[0]!);

    expect(record.handoffStates(iid)).toEqual([
      'REQUESTED',
      'RESERVED',
      'BRIEFING',
      'RINGING',
      'ACCEPTED',
      'BRIDGED',
    ]);
    expect(record.verbs(iid)).toEqual(WARM_TRANSFER);
    for (const command of record.taps.telephony.of(iid)) {
      expect(command.producer?.agent).toBe('router');
      expect(command.telephonyCommand?.grantId).toBe(claims.grantId);
      expect(command.authority?.grant?.signature).toEqual(
        authorised[0]!.authority?.grant?.signature,
      );
    }
    const [, dial, whisper] = record.commands(iid);
    const closerId = dial!.dialCloser!.closerId!;
    expect(CLOSERS).toContain(closerId);
    expect(dial!.dialCloser!.address).toBe(`sip:${closerId}@desk.example`);
    expect(whisper!.whisperBrief!.closerId).toBe(closerId);
    expect(whisper!.whisperBrief!.text).toContain('I would like to speak with a specialist');
    expect(stage.bridges.filter((b) => b.interactionId === iid)).toEqual([
      { interactionId: iid, briefedBefore: true },
    ]);

    // The desk accepted through the gateway: one click, 202, published as the desk's answer.
    expect(desk.of(iid).map((c) => [c.closerId, c.accepted, c.status])).toEqual([
      [closerId, true, 202],
    ]);
    expect(
      record
        .reservationResponses(iid)
        .map((e) => [
          e.reservationResponse?.closerId,
          e.reservationResponse?.accepted,
          e.correlationId,
        ]),
    ).toEqual([[closerId, true, 'desk']]);
    // The conversation reached the bus through the gateway, attributed to the voice agent's key.
    const perceived = record.perceived(iid);
    expect(perceived).toHaveLength(10);
    expect(
      perceived.every((e) => e.producer?.agent === 'gateway' && e.correlationId === 'voice-agent'),
    ).toBe(true);
    expect(record.bookings(iid)).toEqual([]);
  });

  it('hedged hold: a hedging buyer, posted event by event, is only ever held, naming every marker; no command, no booking', async () => {
    const iid = newInteraction('hedged');
    stage.play(iid);
    const events = conversationEvents(iid, HEDGING_BUYER);
    await post(iid, events, 'singles');
    await record.settled(iid, events.length);

    const decisions = record.decisions(iid);
    expect(new Set(decisions.map(outcomeOf))).toEqual(new Set(['ESCALATION_OUTCOME_HOLD']));
    expect(record.grants(iid)).toEqual([]);
    const unvalidated = (decisions.at(-1)!.escalationDecision!.reasons ?? [])
      .filter((r) => r.code === Code.DECISION_REASON_CODE_MARKER_NOT_VALIDATED)
      .map((r) => r.markerKind);
    expect(new Set(unvalidated)).toEqual(new Set(ALL_MARKERS));
    await sleep(300);
    expect([record.handoffEvents(iid), record.commands(iid), record.bookings(iid)]).toEqual([
      [],
      [],
      [],
    ]);
  });

  it('voicemail never escalated: a greeting, then every "yes" of the explicit buyer, and still no grant', async () => {
    const iid = newInteraction('voicemail');
    stage.play(iid);
    const events = conversationEvents(iid, [
      { buyer: "Hi, you've reached the Millers. Please leave a message after the beep." },
      ...EXPLICIT_BUYER,
    ]);
    await post(iid, events);
    await record.settled(iid, events.length);

    expectHeldAsVoicemail(iid);
    const newest = record.intents(iid).at(-1);
    expect(newest?.markers?.some((m) => m.status === v1.MarkerStatus.MARKER_STATUS_VALIDATED)).toBe(
      false,
    );
    await sleep(300);
    expect([record.handoffEvents(iid), record.commands(iid), record.bookings(iid)]).toEqual([
      [],
      [],
      [],
    ]);
  });

  it('interrupted confirmation: a "yes" cut by the agent is not permission; once confirmed again the buyer is transferred', async () => {
    const iid = newInteraction('interrupted');
    stage.play(iid, {}, { hangUpAfterBridge: true });
    const turns: Turn[] = [
      ...EXPLICIT_BUYER.slice(0, 6),
      { agent: 'Would you like me to connect you with a specialist?' },
      { buyer: 'Yes please, connect me' },
      { interruptPrevious: true },
      { agent: 'Sorry, I cut you off. Shall I connect you with a specialist now?' },
      { buyer: 'Yes please, I would like to speak with a specialist.' },
    ];
    const cut = bargeInFirst(conversationEvents(iid, turns).slice(0, 11));
    await post(iid, cut);
    await record.settled(iid, cut.length);

    const held = record.intents(iid).at(-1);
    expect(markerOf(held, K.MARKER_KIND_ESCALATION_PERMISSION)?.status).not.toBe(
      v1.MarkerStatus.MARKER_STATUS_VALIDATED,
    );
    expect(markerOf(held, K.MARKER_KIND_SCOPE_CONFIRMED)?.status).toBe(
      v1.MarkerStatus.MARKER_STATUS_VALIDATED,
    );
    expect(record.grants(iid)).toEqual([]);
    expect(record.commands(iid)).toEqual([]);

    // The interruption's faults count as recent for 10 s of call time; the agent's apology and the
    // buyer's new answer come after that, posted as they happen.
    const cutAtMs = fromTimestamp(cut.at(-1)!.occurredAt);
    await sleep(Math.max(0, cutAtMs + 10_500 - Date.now()));
    const again = conversationEvents(iid, turns).slice(11);
    await post(iid, again);
    const authorised = await record.untilDecision(
      iid,
      O.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
    );
    const claims = liveGrant(authorised);
    const permission = markerOf(
      record.intentAt(iid, claims.intentVersion),
      K.MARKER_KIND_ESCALATION_PERMISSION,
    );
    const evidence = (permission?.evidence ?? []).map((e) => e.signalId);
    expect(evidence).toContain(`sig-${again.at(-1)!.eventId}`);
    expect(evidence).not.toContain(`sig-${cut.at(-1)!.eventId}`);

    await record.untilHandoff(iid, H.HANDOFF_STATE_BRIDGED);
    expect(record.verbs(iid)).toEqual(WARM_TRANSFER);
  });

  it('a "yes" found to be cut only after it was heard: any grant on it is revoked and the buyer is never dialled', async () => {
    const iid = newInteraction('cut-late');
    // The desks never answer, so nothing but the revocation can stop the transfer.
    stage.play(iid, everyCloser({ desk: 'ignore', phone: 'answer' }));
    const turns: Turn[] = [
      ...EXPLICIT_BUYER.slice(0, 6),
      { agent: 'Would you like me to connect you with a specialist?' },
      { buyer: 'Yes please, connect me' },
      { interruptPrevious: true },
    ];
    // In the order a voice stack reports a barge-in it detects late: the "yes", then the cut.
    const events = conversationEvents(iid, turns);
    await post(iid, events);
    await record.settled(iid, events.length);

    const last = await eventually(
      () => record.intents(iid).at(-1),
      (state) =>
        markerOf(state, K.MARKER_KIND_ESCALATION_PERMISSION)?.status !==
        v1.MarkerStatus.MARKER_STATUS_VALIDATED,
    );
    expect(markerOf(last, K.MARKER_KIND_SCOPE_CONFIRMED)?.status).toBe(
      v1.MarkerStatus.MARKER_STATUS_VALIDATED,
    );
    // Whether the governor saw the "yes" before the cut or not, no grant survives it. Once it has
    // decided on the last version, every grant it will issue on this conversation is on the stream.
    await eventually(
      () => record.decisions(iid).filter((e) => e.intentVersion >= (last?.version ?? 0)),
      (list) => list.length > 0,
    );
    const grants = record.grants(iid);
    if (grants.length > 0) {
      const revoked = await untilSeen(() => record.revocations(iid), grants.length);
      expect(revoked.map((r) => r.grantRevoked?.reason)).toEqual(
        grants.map(() => v1.GrantRevocationReason.GRANT_REVOCATION_REASON_MARKER_REVOKED),
      );
      expect(revoked[0]!.grantRevoked?.detail).toBe('escalation_permission no longer validated');
      await record.untilHandoff(iid, H.HANDOFF_STATE_RETURNED_TO_AI);
    }
    await sleep(1_000);
    expect(record.verbs(iid).filter((verb) => !verb.startsWith('return_to_agent'))).toEqual([]);
    expect(record.handoffStates(iid)).not.toContain('BRIDGED');
  });

  it('objection after authorisation: grant revoked, the waiting reservation rescinded, the buyer back with the AI — never dialled', async () => {
    const iid = newInteraction('objection');
    // The closers' desks have not answered yet when the buyer objects.
    stage.play(iid, everyCloser({ desk: 'ignore', phone: 'answer' }));
    await post(iid, conversationEvents(iid, EXPLICIT_BUYER));
    const authorised = await record.untilDecision(
      iid,
      O.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
    );
    const claims = liveGrant(authorised);
    await record.untilHandoff(iid, H.HANDOFF_STATE_BRIEFING);

    const objection = conversationEvents(iid, [
      ...EXPLICIT_BUYER,
      { agent: 'Great, I am connecting you now.' },
      { buyer: "Wait, actually that's too expensive for us." },
    ]).slice(-2);
    await post(iid, objection);
    const [revoked] = await untilSeen(() => record.revocations(iid), 1);
    expect(revoked!.grantRevoked).toMatchObject({
      grantId: claims.grantId,
      reason: v1.GrantRevocationReason.GRANT_REVOCATION_REASON_OBJECTION_RAISED,
    });

    const events = await record.untilHandoff(iid, H.HANDOFF_STATE_RETURNED_TO_AI);
    expect(events.at(-1)).toMatchObject({ failureReason: R.HANDOFF_FAILURE_REASON_GRANT_EXPIRED });
    await untilSeen(() => [...record.reservationStates(iid), ...record.verbs(iid)], 3);
    expect(record.reservationStates(iid)).toEqual(['PENDING', 'RESCINDED']);
    expect(record.verbs(iid)).toEqual(['return_to_agent@1']);
    const next = await eventually(
      () => record.decisions(iid).filter((e) => e.intentVersion >= revoked!.intentVersion),
      (list) => list.length > 0,
    );
    expect(outcomeOf(next[0]!)).toBe('ESCALATION_OUTCOME_HOLD');
    expect(reasonsOf(next[0]!)).toContain('DECISION_REASON_CODE_OBJECTION_UNRESOLVED');
    expect(desk.of(iid)).toEqual([]);
    expect(record.bookings(iid)).toEqual([]);
  });

  it('decline → next closer → appointment: declined at the desk over HTTP, then on the phone, then booked inside the consent window', async () => {
    const iid = newInteraction('declined');
    stage.play(iid, everyCloser({ desk: 'accept', phone: 'decline' }), {
      rejectFirstAttempt: true,
    });
    await post(iid, conversationEvents(iid, EXPLICIT_BUYER));
    const claims = liveGrant(
      await record.untilDecision(iid, O.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER),
    );
    const events = await record.untilHandoff(iid, H.HANDOFF_STATE_FALLBACK_APPOINTMENT);

    const declined = events
      .filter((e) => e.state === H.HANDOFF_STATE_DECLINED)
      .map((e) => [e.attempt, R[e.failureReason ?? 0], e.closerId]);
    expect(declined).toEqual([
      [1, 'HANDOFF_FAILURE_REASON_RESERVATION_REJECTED', expect.any(String)],
      [2, 'HANDOFF_FAILURE_REASON_CLOSER_DECLINED', expect.any(String)],
    ]);
    const [first, second] = declined.map((d) => d[2]);
    expect(first).not.toBe(second);
    expect(
      events.find((e) => e.state === H.HANDOFF_STATE_REQUESTED && e.attempt === 2)?.fallbackAction,
    ).toBe(v1.FallbackAction.FALLBACK_ACTION_NEXT_CLOSER);
    expect(events.at(-1)).toMatchObject({
      state: H.HANDOFF_STATE_FALLBACK_APPOINTMENT,
      failureReason: R.HANDOFF_FAILURE_REASON_ATTEMPTS_EXHAUSTED,
      fallbackAction: v1.FallbackAction.FALLBACK_ACTION_BOOK_APPOINTMENT,
    });
    expect(desk.of(iid).map((c) => [c.closerId, c.accepted, c.status])).toEqual([
      [first, false, 202],
      [second, true, 202],
    ]);
    // Only the closer who accepted was dialled; the buyer goes back to the AI to hear the booking.
    await untilSeen(() => record.verbs(iid), 3);
    expect(record.verbs(iid)).toEqual(['hold@2', 'dial@2', 'return_to_agent@2']);
    expect(record.commands(iid)[1]!.dialCloser!.closerId).toBe(second);

    const [booked, ...more] = await untilSeen(() => record.bookings(iid), 1);
    expect(more).toEqual([]);
    expect(booked!.grantId).toBe(claims.grantId);
    expect(CLOSERS).toContain(booked!.closerId);
    expectInsideConsent(booked!, claims);
    expect(booked!.ics).toContain('BEGIN:VCALENDAR');
  });

  it('caller abandons while ringing: the ringing leg is cancelled, the seat released, and the interaction closed', async () => {
    const iid = newInteraction('abandoned');
    stage.play(iid, everyCloser({ desk: 'accept', phone: 'ring' }));
    await post(iid, conversationEvents(iid, EXPLICIT_BUYER));
    await record.untilHandoff(iid, H.HANDOFF_STATE_RINGING);
    const dial = record.commands(iid).find((c) => c.dialCloser)!;
    await report(
      telephonyAdapter,
      iid,
      dial,
      v1.CallProgressState.CALL_PROGRESS_STATE_CALLER_HUNG_UP,
      '',
    );

    const events = await record.untilHandoff(iid, H.HANDOFF_STATE_CALLER_ABANDONED);
    expect(events.at(-1)).toMatchObject({ failureReason: R.HANDOFF_FAILURE_REASON_CALLER_HUNG_UP });
    await untilSeen(() => [...record.reservationStates(iid), ...record.verbs(iid)], 6);
    expect(record.verbs(iid)).toEqual(['hold@1', 'dial@1', 'cancel@1']);
    expect(record.commands(iid)[2]!.cancel!.legId).toBe(legOf(dial));
    expect(record.reservationStates(iid)).toEqual(['PENDING', 'ACCEPTED', 'RESCINDED']);

    // The voice stack reports the hang-up too: the governor closes the interaction for good.
    await post(iid, conversationEvents(iid, [...EXPLICIT_BUYER, { hangUp: true }]).slice(-1));
    const closed = await record.untilClosed(iid);
    expect(closed.escalationDecision!.state).toBe(v1.InteractionState.INTERACTION_STATE_CLOSED);
    expect(record.intentAt(iid, closed.intentVersion)?.callHealth?.callEnded).toBe(true);
    expect(record.grants(iid)).toHaveLength(1);
    expect(record.bookings(iid)).toEqual([]);
  });

  it("duplicate grant → one transfer: the governor's decision re-published (same id and a fresh one) dials once", async () => {
    const iid = newInteraction('duplicate');
    stage.play(iid, {}, { hangUpAfterBridge: true });
    await post(iid, conversationEvents(iid, EXPLICIT_BUYER));
    const authorised = await record.untilDecision(
      iid,
      O.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
    );
    const governor = await stack.busAs('escalation-governor');
    const copy = (eventId: string): EnvelopeInit => ({
      eventId,
      sequence: authorised.sequence,
      occurredAt: authorised.occurredAt,
      causationId: authorised.causationId,
      correlationId: authorised.correlationId,
      intentVersion: authorised.intentVersion,
      authority: { grant: authorised.authority!.grant! },
      escalationDecision: authorised.escalationDecision!,
    });
    // While the first is being executed: the same envelope again, and under a fresh id.
    const [same, fresh] = await Promise.all([
      governor.publish('decision', iid, copy(authorised.eventId)),
      governor.publish('decision', iid, copy(`${authorised.eventId}-again`)),
    ]);
    expect([same.duplicate, fresh.duplicate]).toEqual([true, false]);
    await record.untilHandoff(iid, H.HANDOFF_STATE_BRIDGED);
    // And once more after the bridge: refused as a replay.
    const late = await governor.publish('decision', iid, copy(`${authorised.eventId}-late`));
    const refusals = await eventually(
      () => storedDeadLetters(stack.jsm),
      (list) => list.some((r) => decodeEnvelope(r.originalData!).eventId === late.eventId),
    );
    expect(
      refusals.find((r) => decodeEnvelope(r.originalData!).eventId === late.eventId),
    ).toMatchObject({
      agent: 'router',
      reasonName: 'GRANT_REFUSED',
      errorCode: 'GRANT_REPLAYED',
    });

    await sleep(300);
    expect(record.grants(iid).map((e) => e.eventId)).toEqual([
      authorised.eventId,
      `${authorised.eventId}-again`,
      `${authorised.eventId}-late`,
    ]);
    expect(new Set(record.handoffEvents(iid).map((e) => e.handoffId)).size).toBe(1);
    expect(record.handoffStates(iid).filter((s) => s === 'REQUESTED')).toHaveLength(1);
    expect(record.verbs(iid)).toEqual(WARM_TRANSFER);
  });

  it('rate-limited escalation → appointment: with one escalation per minute, the second ready buyer is booked, never dialled', async () => {
    const first = newInteraction('limited-a');
    const second = newInteraction('limited-b');
    stage.play(first, {}, { hangUpAfterBridge: true });
    stage.play(second);
    await post(first, conversationEvents(first, EXPLICIT_BUYER, { campaignId: 'limited' }));
    const live = await record.untilDecision(first, O.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER);
    expect(live.escalationDecision!.policyId).toBe('limited');

    await post(second, conversationEvents(second, EXPLICIT_BUYER, { campaignId: 'limited' }));
    const limited = await record.untilDecision(second, O.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT);
    expect(reasonsOf(limited)[0]).toBe('DECISION_REASON_CODE_POLICY_SATISFIED');
    expect(reasonsOf(limited)).toContain('DECISION_REASON_CODE_RATE_LIMITED');
    const claims = verifier.verify(limited.authority?.grant, {
      interactionId: second,
      intentVersion: limited.intentVersion,
      requiredScope: SCOPES.appointmentBook,
    });
    expect(claims.scopes).toEqual([SCOPES.appointmentBook]);

    const [booked, ...more] = await untilSeen(() => record.bookings(second), 1);
    expect(more).toEqual([]);
    expect(booked!.grantId).toBe(claims.grantId);
    expect(CLOSERS).toContain(booked!.closerId);
    expectInsideConsent(booked!, claims);

    await record.untilHandoff(first, H.HANDOFF_STATE_BRIDGED);
    expect(record.verbs(first)).toEqual(WARM_TRANSFER);
    await sleep(300);
    expect(record.decisions(second).map(outcomeOf)).not.toContain(
      'ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER',
    );
    expect([record.handoffEvents(second), record.commands(second)]).toEqual([[], []]);
  });

  describe('Twilio callbacks', () => {
    const QUERY = { campaignId: 'solar', timeZone: 'America/New_York', territory: 'US-NY' };

    /** Posts the callbacks of a call ending in `outcome`; returns each answer's events (case, duplicate). */
    async function twilioCall(iid: string, outcome: TwilioCallOutcome, auth: TwilioAuth) {
      const callSid = `CA${iid.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 34).padEnd(34, '0');
      const answers: [number, [unknown, unknown][]][] = [];
      for (const form of twilioCallbacks(callSid, outcome)) {
        const answer = await api.twilioStatus(iid, form, { query: QUERY, auth });
        const accepted = (answer.body['accepted'] ?? []) as Record<string, unknown>[];
        answers.push([answer.status, accepted.map((a) => [a['event'], a['duplicate']])]);
      }
      return { callSid, answers };
    }

    const opening = [
      [200, [['callStarted', false]]],
      [200, [['callStarted', true]]],
    ];

    it('human: call started, answered and a trusted HUMAN verdict; the buyer then says yes over the JSON API and is transferred', async () => {
      const iid = newInteraction('tw-human');
      stage.play(iid, {}, { hangUpAfterBridge: true });
      const { callSid, answers } = await twilioCall(iid, 'human', 'signature');
      expect(answers).toEqual([
        ...opening,
        [
          200,
          [
            ['callStarted', true],
            ['callAnswered', false],
          ],
        ],
        [200, [['answeringMachineResult', false]]],
      ]);
      const perceived = await untilSeen(() => record.perceived(iid), 3);
      expect(perceived.map((e) => [e.eventId, e.sequence, e.correlationId])).toEqual([
        [`twilio-${callSid}-started`, 0, 'twilio'],
        [`twilio-${callSid}-answered`, 0, 'twilio'],
        [`twilio-${callSid}-amd-human`, 0, 'twilio'],
      ]);
      expect(perceived[0]!.perceptionEvent!.callStarted).toMatchObject({
        campaignId: 'solar',
        timeZone: 'America/New_York',
        territory: 'US-NY',
        platform: 'twilio',
        direction: v1.CallDirection.CALL_DIRECTION_OUTBOUND,
      });
      expect(perceived[2]!.perceptionEvent!.answeringMachineResult).toMatchObject({
        result: v1.AmdResult.AMD_RESULT_HUMAN,
        confidence: 0.9,
        detectionMs: 1_850,
      });

      await post(iid, transcriptOnly(iid, EXPLICIT_BUYER));
      const authorised = await record.untilDecision(
        iid,
        O.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
      );
      const claims = liveGrant(authorised);
      const state = record.intentAt(iid, claims.intentVersion);
      expect(state?.callHealth).toMatchObject({ answeringMachine: false, amdUncertain: false });
      await record.untilHandoff(iid, H.HANDOFF_STATE_BRIDGED);
      expect(record.verbs(iid)).toEqual(WARM_TRANSFER);
    });

    it('machine_end_beep: a voicemail verdict, and no grant ever — not even after the explicit buyer\'s "yes"', async () => {
      const iid = newInteraction('tw-machine');
      stage.play(iid);
      const { answers } = await twilioCall(iid, 'machine_end_beep', 'key');
      expect(answers).toEqual([
        ...opening,
        [
          200,
          [
            ['callStarted', true],
            ['callAnswered', false],
          ],
        ],
        [200, [['answeringMachineResult', false]]],
      ]);
      const [, , amd] = await untilSeen(() => record.perceived(iid), 3);
      expect(amd!.perceptionEvent!.answeringMachineResult).toMatchObject({
        result: v1.AmdResult.AMD_RESULT_MACHINE_END_BEEP,
        detectionMs: 4_200,
      });
      const transcript = transcriptOnly(iid, EXPLICIT_BUYER);
      await post(iid, transcript);
      await record.settled(iid, 3 + transcript.length);

      expectHeldAsVoicemail(iid);
      await sleep(300);
      expect([record.handoffEvents(iid), record.commands(iid), record.bookings(iid)]).toEqual([
        [],
        [],
        [],
      ]);
    });

    it('fax: a FAX verdict holds as a machine, and the completed call closes the interaction — no grant', async () => {
      const iid = newInteraction('tw-fax');
      stage.play(iid);
      const { answers } = await twilioCall(iid, 'fax', 'signature');
      expect(answers).toEqual([
        ...opening,
        [
          200,
          [
            ['callStarted', true],
            ['callAnswered', false],
            ['answeringMachineResult', false],
          ],
        ],
        [200, [['hangUp', false]]],
      ]);
      await untilSeen(() => record.perceived(iid), 4);
      expect(record.perceivedCases(iid)).toEqual([
        'callStarted',
        'callAnswered',
        'answeringMachineResult',
        'hangUp',
      ]);
      const [, , amd, hangUp] = record.perceived(iid);
      expect(amd!.perceptionEvent!.answeringMachineResult!.result).toBe(
        v1.AmdResult.AMD_RESULT_FAX,
      );
      expect(hangUp!.perceptionEvent!.hangUp).toMatchObject({
        by: v1.Speaker.SPEAKER_SYSTEM,
        reason: 'completed',
      });

      const closed = await record.untilClosed(iid);
      expect(closed.escalationDecision!.state).toBe(v1.InteractionState.INTERACTION_STATE_CLOSED);
      const held = record.decisions(iid).filter((e) => outcomeOf(e) === 'ESCALATION_OUTCOME_HOLD');
      expect(held.some((e) => reasonsOf(e).includes('DECISION_REASON_CODE_VOICEMAIL'))).toBe(true);
      await sleep(300);
      expect(record.grants(iid)).toEqual([]);
      expect([record.handoffEvents(iid), record.commands(iid), record.bookings(iid)]).toEqual([
        [],
        [],
        [],
      ]);
    });

    it('no-answer: no CallAnswered, a HangUp from the platform, and the interaction closed without a grant', async () => {
      const iid = newInteraction('tw-noanswer');
      stage.play(iid);
      const { answers } = await twilioCall(iid, 'no-answer', 'key');
      expect(answers).toEqual([...opening, [200, [['hangUp', false]]]]);
      await untilSeen(() => record.perceived(iid), 2);
      expect(record.perceivedCases(iid)).toEqual(['callStarted', 'hangUp']);
      expect(record.perceived(iid)[1]!.perceptionEvent!.hangUp).toMatchObject({
        by: v1.Speaker.SPEAKER_SYSTEM,
        reason: 'no-answer',
      });

      const closed = await record.untilClosed(iid);
      expect(closed.escalationDecision!.state).toBe(v1.InteractionState.INTERACTION_STATE_CLOSED);
      await sleep(300);
      expect(record.grants(iid)).toEqual([]);
      expect([record.handoffEvents(iid), record.commands(iid), record.bookings(iid)]).toEqual([
        [],
        [],
        [],
      ]);
    });
  });

  it('a burst of 1,000 valid events over concurrent HTTP requests is all on the bus and all perceived, none lost', async () => {
    const interactions = Array.from({ length: 50 }, (_, k) => newInteraction(`burst${k}`));
    const plans = interactions.map((iid) =>
      conversationEvents(iid, BURST_TURNS, { campaignId: 'burst' }),
    );
    const sent = new Set(plans.flat().map((e) => e.eventId));
    expect(sent.size).toBe(1_000);
    // A third of the interactions post event by event, a third in batches of 5, a third in one batch.
    const perRequest = [1, 5, 20];
    const started = performance.now();
    const acks = (
      await Promise.all(
        interactions.map((iid, k) => postInRequests(iid, plans[k]!, perRequest[k % 3]!)),
      )
    ).flat();
    const acceptedMs = performance.now() - started;
    const requests = perRequest.reduce(
      (sum, size, k) => sum + interactions.filter((_, i) => i % 3 === k).length * (20 / size),
      0,
    );
    expect(acks).toHaveLength(1_000);
    expect(acks.filter((a) => a.status === 202 && a.duplicate === false)).toHaveLength(1_000);

    const burst = new Set(interactions);
    const signalsOf = () => record.taps.signal.envelopes.filter((e) => burst.has(e.interactionId));
    await eventually(
      () => signalsOf().length,
      (n) => n >= 1_000,
      60_000,
    );
    const perceivedMs = performance.now() - started;
    await sleep(500);

    // The tap may lag the 202s by a moment; every acknowledged event is on the stream, once.
    const stored = await eventually(
      () => record.taps.perception.envelopes.filter((e) => burst.has(e.interactionId)),
      (list) => list.length >= 1_000,
    );
    expect(stored).toHaveLength(1_000);
    expect(new Set(stored.map((e) => e.eventId))).toEqual(sent);
    const signals = signalsOf();
    expect(signals).toHaveLength(1_000);
    expect(new Set(signals.map((e) => e.signal?.sourceEventId))).toEqual(sent);
    for (const iid of interactions) {
      const sequences = signals
        .filter((e) => e.interactionId === iid)
        .map((e) => e.signal?.sourceSequence)
        .sort((a, b) => (a ?? 0) - (b ?? 0));
      expect([iid, sequences]).toEqual([iid, Array.from({ length: 20 }, (_, i) => i + 1)]);
    }
    const deadLetters = (await storedDeadLetters(stack.jsm)).filter((r) =>
      burst.has(decodeEnvelope(r.originalData!).interactionId),
    );
    expect(deadLetters).toEqual([]);
    process.stdout.write(
      `through-gateway burst: ${acks.length} events in ${requests} requests over 50 interactions — all 202 after ${Math.round(acceptedMs)} ms, all perceived after ${Math.round(perceivedMs)} ms\n`,
    );
  }, 120_000);
});
