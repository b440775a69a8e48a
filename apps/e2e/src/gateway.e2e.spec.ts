// The gateway as its own process on a real broker, called over real HTTP as a voice stack, Twilio,
// a closer desk and a dashboard would call it. What it published is read straight from the streams;
// what it reads was written with the admin store; handoff events are published as the router.
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventBus } from '@warmline/bus';
import {
  fromTimestamp,
  natsPasswordVariable,
  toTimestamp,
  v1,
  type warmline,
} from '@warmline/contracts';
import { provision, startAgentProcess, type AgentProcess } from '@warmline/stack';
import { openKvStore, type WarmlineStore } from '@warmline/store';
import {
  ADMIN_USER,
  eventually,
  startNatsServer,
  storedEnvelopes,
  workspaceRoot,
} from '@warmline/testing';
import { warmlineUnderTest, type WarmlineUnderTest } from './support/warmline-under-test.js';

const KEYS = {
  voice: 'voice-key-0123456789abcdef',
  twilio: 'twilio-key-0123456789abcdef',
  desk: 'desk-key-0123456789abcdef',
  reader: 'read-key-0123456789abcdef',
};
const TWILIO_AUTH_TOKEN = 'twilio-auth-token-for-tests';

let stack: WarmlineUnderTest;
let gateway: AgentProcess;
let baseUrl: string;
let store: WarmlineStore;
let router: EventBus;

beforeAll(async () => {
  stack = await warmlineUnderTest();
  gateway = await stack.start('gateway', {
    WARMLINE_HTTP_PORT: '0',
    WARMLINE_HTTP_HOST: '127.0.0.1',
    WARMLINE_API_KEYS: [
      `voice-agent:${KEYS.voice}:events`,
      `twilio:${KEYS.twilio}:twilio`,
      `desk:${KEYS.desk}:desk`,
      `dashboard:${KEYS.reader}:read`,
    ].join(','),
    WARMLINE_TWILIO_AUTH_TOKEN: TWILIO_AUTH_TOKEN,
    WARMLINE_SSE_KEEPALIVE_MS: '300',
  });
  const ready = gateway.logs().find((line) => line['msg'] === 'agent ready');
  baseUrl = `http://127.0.0.1:${String(ready?.['port'])}`;
  store = await openKvStore({
    servers: stack.broker.url,
    connection: stack.broker.credentials(ADMIN_USER),
  });
  router = await stack.busAs('router');
}, 60_000);

afterAll(async () => {
  await store?.close();
  await stack?.stop();
});

const run = Date.now().toString(36);
let counter = 0;
const newId = (label: string) => `${label}-${run}-${++counter}`;
const T0 = Date.UTC(2026, 10, 24, 15, 0, 0);

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

async function call(
  method: string,
  path: string,
  options: { key?: string; json?: unknown; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers['Authorization'] = `Bearer ${options.key}`;
  if (options.json !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

function buyerSays(eventId: string, sequence: number, text: string, extra: object = {}) {
  return {
    eventId,
    sequence,
    occurredAt: new Date(T0 + sequence * 1_000).toISOString(),
    transcriptSegment: {
      segmentId: `${eventId}-seg`,
      speaker: 'BUYER',
      text,
      isFinal: true,
      asrConfidence: 0.92,
      startOffsetMs: sequence * 1_000,
      endOffsetMs: sequence * 1_000 + 800,
      ...extra,
    },
  };
}

const stored = (family: 'perception' | 'reservation' | 'schedule', iid: string) =>
  storedEnvelopes(stack.jsm, family, iid).then((list) => list.map((s) => s.envelope));

/** Publishes a HandoffEvent (RESERVED) of `interactionId` as the router would. */
const handoff = (interactionId: string, handoffId: string) =>
  router.publish('handoff', interactionId, {
    handoffEvent: {
      handoffId,
      grantId: 'g-1',
      attempt: 1,
      state: v1.HandoffState.HANDOFF_STATE_RESERVED,
      closerId: 'c-17',
    },
  });

interface SseFrame {
  readonly id: string | undefined;
  readonly event: string | undefined;
  readonly data: unknown;
}

/** The event frames (not comments) of a server-sent-events text. */
function sseFrames(text: string): SseFrame[] {
  const frames: SseFrame[] = [];
  for (const block of text.split('\n\n')) {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const colon = line.indexOf(': ');
      if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 2));
    }
    const data = fields.get('data');
    if (data === undefined) continue;
    frames.push({ id: fields.get('id'), event: fields.get('event'), data: JSON.parse(data) });
  }
  return frames;
}

const handoffIdOf = (frame: SseFrame) =>
  (frame.data as { handoffEvent?: { handoffId?: string } }).handoffEvent?.handoffId;

/** An open handoff stream, read as it arrives. */
async function openStream(query: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/v1/handoffs/stream${query}`, {
    headers: { Authorization: `Bearer ${KEYS.reader}`, ...headers },
    signal: abort.signal,
  });
  expect([response.status, response.status === 200 ? '' : await response.text()]).toEqual([
    200,
    '',
  ]);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  return {
    text: () => text,
    async readUntil(pattern: RegExp): Promise<void> {
      while (!pattern.test(text)) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error(`stream ended before ${pattern}: ${text}`);
        text += decoder.decode(chunk.value, { stream: true });
      }
    },
    close: () => abort.abort(),
  };
}

describe('gateway (separate process, real HTTP)', () => {
  it('answers 202 for a perception event only once WL_PERCEPTION has it, and a resend is a duplicate', async () => {
    const iid = newId('gw');
    const event = buyerSays(`${iid}-ev-1`, 1, 'yes, the whole roof');
    const first = await call('POST', `/v1/interactions/${iid}/events`, {
      key: KEYS.voice,
      json: event,
    });
    expect(first).toEqual({
      status: 202,
      body: {
        eventId: `${iid}-ev-1`,
        stream: 'WL_PERCEPTION',
        seq: expect.any(Number),
        duplicate: false,
      },
    });
    // 202 came after the PubAck: the event is already in the stream, no waiting needed.
    const [envelope, ...rest] = await stored('perception', iid);
    expect(rest).toEqual([]);
    expect(envelope!.eventId).toBe(`${iid}-ev-1`);
    expect(envelope!.sequence).toBe(1);
    expect(envelope!.producer?.agent).toBe('gateway');
    expect(envelope!.correlationId).toBe('voice-agent');
    expect(envelope!.perceptionEvent?.transcriptSegment).toMatchObject({
      speaker: v1.Speaker.SPEAKER_BUYER,
      text: 'yes, the whole roof',
      isFinal: true,
    });

    const again = await call('POST', `/v1/interactions/${iid}/events`, {
      key: KEYS.voice,
      json: event,
    });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ duplicate: true, seq: first.body['seq'] });
    expect(await stored('perception', iid)).toHaveLength(1);
  });

  it('publishes a batch in order and answers one acknowledgement per event', async () => {
    const iid = newId('gw');
    const events = [
      {
        eventId: `${iid}-start`,
        sequence: 1,
        occurredAt: new Date(T0).toISOString(),
        callStarted: {
          campaignId: 'solar',
          buyerLanguage: 'en-US',
          timeZone: 'America/Chicago',
          direction: 'CALL_DIRECTION_OUTBOUND',
        },
      },
      buyerSays(`${iid}-ev-2`, 2, 'we want the full install'),
      buyerSays(`${iid}-ev-3`, 3, 'next week works'),
    ];
    const answer = await call('POST', `/v1/interactions/${iid}/events`, {
      key: KEYS.voice,
      json: { events },
    });
    expect(answer.status).toBe(202);
    const accepted = answer.body['accepted'] as { eventId: string; seq: number }[];
    expect(accepted.map((a) => a.eventId)).toEqual(events.map((e) => e.eventId));
    expect(accepted[1]!.seq).toBeGreaterThan(accepted[0]!.seq);
    const envelopes = await stored('perception', iid);
    expect(envelopes.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(envelopes[0]!.perceptionEvent?.callStarted?.direction).toBe(
      v1.CallDirection.CALL_DIRECTION_OUTBOUND,
    );
  });

  it('refuses an event breaking a perception rule with 400 naming the field, publishing nothing of the batch', async () => {
    const iid = newId('gw');
    const events = [
      buyerSays(`${iid}-ev-1`, 1, 'fine'),
      buyerSays(`${iid}-ev-2`, 2, 'sure', { asrConfidence: 1.7 }),
    ];
    const answer = await call('POST', `/v1/interactions/${iid}/events`, {
      key: KEYS.voice,
      json: { events },
    });
    expect(answer.status).toBe(400);
    expect(answer.body['error']).toEqual({
      code: 'PERCEPTION_EVENT_INVALID',
      field: 'events[1].transcriptSegment.asrConfidence',
      message: expect.stringMatching(/asrConfidence must be within 0\.\.1, got 1\.7/),
    });
    expect(await stored('perception', iid)).toEqual([]);
  });

  it('names a misspelt field, a malformed body, a bad path id and an oversized body', async () => {
    const iid = newId('gw');
    const typo = buyerSays(`${iid}-ev-1`, 1, 'hello', { asrConfidance: 0.9 });
    const misspelt = await call('POST', `/v1/interactions/${iid}/events`, {
      key: KEYS.voice,
      json: typo,
    });
    expect(misspelt.status).toBe(400);
    expect(misspelt.body['error']).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'transcriptSegment.asrConfidance',
    });
    const malformed = await call('POST', `/v1/interactions/${iid}/events`, {
      key: KEYS.voice,
      headers: { 'Content-Type': 'application/json' },
      body: '{"eventId": ',
    });
    expect(malformed.status).toBe(400);
    expect((malformed.body['error'] as { code: string }).code).toBe('MALFORMED_REQUEST');
    const badId = await call('POST', '/v1/interactions/not.an.id/events', {
      key: KEYS.voice,
      json: buyerSays(`${iid}-ev-2`, 1, 'hello'),
    });
    expect(badId.body['error']).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'interactionId',
    });
    const huge = await call('POST', `/v1/interactions/${iid}/events`, {
      key: KEYS.voice,
      json: buyerSays(`${iid}-ev-3`, 1, 'x'.repeat(2_000_000)),
    });
    expect(huge.status).toBe(413);
    expect((huge.body['error'] as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
    expect(await stored('perception', iid)).toEqual([]);
  });

  it('answers 401 without a key or with an unknown one, and 403 naming the scope a key lacks', async () => {
    const iid = newId('gw');
    const event = buyerSays(`${iid}-ev-1`, 1, 'hi');
    const path = `/v1/interactions/${iid}/events`;
    const none = await call('POST', path, { json: event });
    expect(none.status).toBe(401);
    expect((none.body['error'] as { code: string }).code).toBe('UNAUTHENTICATED');
    const unknown = await call('POST', path, { key: 'not-a-configured-key-at-all', json: event });
    expect(unknown.status).toBe(401);
    const wrongScope = await call('POST', path, {
      headers: { 'X-Api-Key': KEYS.desk },
      json: event,
    });
    expect(wrongScope.status).toBe(403);
    expect(wrongScope.body['error']).toMatchObject({
      code: 'SCOPE_MISSING',
      message: expect.stringContaining('"events"'),
    });
    expect(await stored('perception', iid)).toEqual([]);
  });

  describe('Twilio callbacks', () => {
    function signed(url: string, form: Record<string, string>): string {
      let data = url;
      for (const name of Object.keys(form).sort()) data += name + form[name];
      return createHmac('sha1', TWILIO_AUTH_TOKEN).update(data, 'utf8').digest('base64');
    }

    async function post(
      path: string,
      form: Record<string, string>,
      auth: { signature?: string; key?: string },
    ): Promise<Answer> {
      const headers: Record<string, string> = {
        'Content-Type': 'application/x-www-form-urlencoded',
      };
      if (auth.signature) headers['X-Twilio-Signature'] = auth.signature;
      if (auth.key) {
        headers['Authorization'] = `Basic ${Buffer.from(`twilio:${auth.key}`).toString('base64')}`;
      }
      return call('POST', path, { headers, body: new URLSearchParams(form).toString() });
    }

    it('maps a signed answered + AMD callback to unsequenced events with ids from the CallSid; a retry is a duplicate', async () => {
      const iid = newId('tw');
      const callSid = `CA${run}${counter}`.padEnd(34, '0');
      const path = `/v1/twilio/${iid}/status?campaignId=solar&timeZone=America%2FChicago`;
      const form = {
        AccountSid: 'AC0123',
        CallSid: callSid,
        CallStatus: 'in-progress',
        AnsweredBy: 'human',
        MachineDetectionDuration: '1800',
        Direction: 'outbound-api',
        From: '+15005550006',
        To: '+15125550100',
        Timestamp: 'Tue, 24 Nov 2026 15:00:05 +0000',
        CallbackSource: 'call-progress-events',
        SequenceNumber: '1',
      };
      const signature = signed(`${baseUrl}${path}`, form);
      const first = await post(path, form, { signature });
      expect(first.status).toBe(200);
      const accepted = first.body['accepted'] as {
        eventId: string;
        event: string;
        duplicate: boolean;
      }[];
      expect(accepted.map((a) => [a.event, a.eventId, a.duplicate])).toEqual([
        ['callStarted', `twilio-${callSid}-started`, false],
        ['callAnswered', `twilio-${callSid}-answered`, false],
        ['answeringMachineResult', `twilio-${callSid}-amd-human`, false],
      ]);
      const envelopes = await stored('perception', iid);
      expect(envelopes.map((e) => e.sequence)).toEqual([0, 0, 0]);
      expect(envelopes[0]!.perceptionEvent?.callStarted).toMatchObject({
        campaignId: 'solar',
        timeZone: 'America/Chicago',
        buyerLanguage: 'en-US',
        platform: 'twilio',
        direction: v1.CallDirection.CALL_DIRECTION_OUTBOUND,
      });
      expect(envelopes[2]!.perceptionEvent?.answeringMachineResult).toMatchObject({
        result: v1.AmdResult.AMD_RESULT_HUMAN,
        confidence: 0.9,
        detectionMs: 1800,
      });
      expect(fromTimestamp(envelopes[1]!.occurredAt!)).toBe(Date.UTC(2026, 10, 24, 15, 0, 5));
      expect(envelopes[0]!.correlationId).toBe('twilio');

      const retry = await post(path, form, { signature });
      expect((retry.body['accepted'] as { duplicate: boolean }[]).map((a) => a.duplicate)).toEqual([
        true,
        true,
        true,
      ]);
      expect(await stored('perception', iid)).toHaveLength(3);
    });

    it('maps a final status from a key-authenticated callback to a HangUp; a forged signature is 401', async () => {
      const iid = newId('tw');
      const callSid = `CA${run}${counter}`.padEnd(34, '1');
      const path = `/v1/twilio/${iid}/status`;
      const form = {
        CallSid: callSid,
        CallStatus: 'busy',
        SipResponseCode: '486',
        Direction: 'outbound-api',
      };
      const forged = await post(path, form, {
        signature: signed(`${baseUrl}${path}`, { ...form, CallStatus: 'completed' }),
      });
      expect(forged.status).toBe(401);
      expect((forged.body['error'] as { code: string }).code).toBe('TWILIO_SIGNATURE_INVALID');
      expect(await stored('perception', iid)).toEqual([]);

      const answer = await post(path, form, { key: KEYS.twilio });
      expect(answer.status).toBe(200);
      const [hangUp] = await stored('perception', iid);
      expect(hangUp!.eventId).toBe(`twilio-${callSid}-hangup-busy`);
      expect(hangUp!.sequence).toBe(0);
      expect(hangUp!.perceptionEvent?.hangUp).toEqual(
        expect.objectContaining({ by: v1.Speaker.SPEAKER_SYSTEM, reason: 'busy (SIP 486)' }),
      );
    });

    it('names a bad form field', async () => {
      const iid = newId('tw');
      const answer = await post(
        `/v1/twilio/${iid}/status`,
        { CallSid: 'CA1', CallStatus: 'exploded' },
        { key: KEYS.twilio },
      );
      expect(answer.status).toBe(400);
      expect(answer.body['error']).toMatchObject({ field: 'CallStatus' });
    });
  });

  it('publishes a valid presence report on wl.closer.<id> and names the field of a bad one', async () => {
    const closerId = newId('closer');
    const report = {
      presence: 'AVAILABLE',
      skills: ['solar'],
      languages: ['en-US'],
      timeZone: 'America/Denver',
      capacity: 1,
      workingHours: [{ weekday: 1, startMinute: 540, endMinute: 1020 }],
      reportedAt: new Date(T0).toISOString(),
      displayName: 'Dana',
      address: '+13035550100',
    };
    const answer = await call('PUT', `/v1/closers/${closerId}/presence`, {
      key: KEYS.desk,
      json: report,
    });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ stream: 'WL_CLOSER', duplicate: false });
    const closers = await storedEnvelopes(stack.jsm, 'closer');
    const mine = closers.filter((s) => s.subject === `wl.closer.${closerId}`);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.envelope.closerPresence).toMatchObject({
      closerId,
      presence: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_AVAILABLE,
      capacity: 1,
    });

    const bad = await call('PUT', `/v1/closers/${closerId}/presence`, {
      key: KEYS.desk,
      json: { ...report, capacity: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body['error']).toMatchObject({ code: 'CLOSER_PRESENCE_INVALID', field: 'capacity' });
  });

  it('publishes a reservation answer as a ReservationResponse; the opposite answer after it is a 409', async () => {
    const iid = newId('gw');
    const reservationId = newId('res');
    const path = `/v1/interactions/${iid}/reservations/${reservationId}`;
    const accept = await call('POST', `${path}/accept`, {
      key: KEYS.desk,
      json: { closerId: 'c-17' },
    });
    expect(accept.status).toBe(202);
    expect(accept.body).toMatchObject({ stream: 'WL_RESERVATION', duplicate: false });
    const [envelope] = await stored('reservation', iid);
    expect(envelope!.eventId).toBe(`reservation-${reservationId}-accept`);
    expect(envelope!.reservationResponse).toMatchObject({
      reservationId,
      closerId: 'c-17',
      accepted: true,
    });

    const decline = await call('POST', `${path}/decline`, {
      key: KEYS.desk,
      json: { closerId: 'c-17', reason: 'on another call' },
    });
    expect(decline.status).toBe(409);
    expect((decline.body['error'] as { code: string }).code).toBe('RESERVATION_ALREADY_ANSWERED');
    const again = await call('POST', `${path}/accept`, {
      key: KEYS.desk,
      json: { closerId: 'c-17' },
    });
    expect(again.status).toBe(202);
    expect(again.body['duplicate']).toBe(true);
    expect(await stored('reservation', iid)).toHaveLength(1);
  });

  it('publishes a reschedule as an AppointmentChangeRequest on schedule', async () => {
    const iid = newId('gw');
    const answer = await call('POST', `/v1/interactions/${iid}/appointments/apt-1/reschedule`, {
      key: KEYS.desk,
      json: {
        window: {
          startAt: '2026-12-01T15:00:00Z',
          endAt: '2026-12-01T18:00:00Z',
          timeZone: 'America/Chicago',
        },
        reason: 'buyer asked for Tuesday',
        requestedBy: 'closer:c-17',
      },
    });
    expect(answer.status).toBe(202);
    const [envelope] = await stored('schedule', iid);
    expect(envelope!.appointmentChangeRequest).toMatchObject({
      appointmentId: 'apt-1',
      requestedBy: 'closer:c-17',
      reschedule: { reason: 'buyer asked for Tuesday', window: { timeZone: 'America/Chicago' } },
    });
  });

  it('reads back the intent state, its versions and the audit trail written to the store', async () => {
    const iid = newId('gw');
    const version = (n: number, readiness: number): warmline.v1.IntentState =>
      v1.IntentState.create({
        interactionId: iid,
        version: n,
        updatedAt: toTimestamp(T0 + n * 1_000),
        campaignId: 'solar',
        markers: [
          {
            kind: v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED,
            status: v1.MarkerStatus.MARKER_STATUS_VALIDATED,
            confidence: 0.9,
            changedAt: toTimestamp(T0 + n * 1_000),
          },
        ],
        readiness: { score: readiness, peakScore: readiness },
      });
    await store.intents.create(version(1, 0.4));
    await store.intents.compareAndSet(iid, 1, version(2, 0.75));
    const claims = v1.GrantClaims.encode({
      grantId: 'g-1',
      interactionId: iid,
      intentVersion: 2,
      scopes: ['transfer.live'],
      expiresAt: toTimestamp(T0 + 60_000),
    }).finish();
    await store.audit.append({
      interactionId: iid,
      recordId: 'decision-d-1',
      kind: 'decision',
      at: T0 + 3_000,
      payload: v1.EscalationDecision.encode({
        decisionId: 'd-1',
        interactionId: iid,
        intentVersion: 2,
        outcome: v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
        decidedAt: toTimestamp(T0 + 3_000),
      }).finish(),
      summary: { outcome: 'AUTHORIZE_LIVE_TRANSFER' },
    });
    await store.audit.append({
      interactionId: iid,
      recordId: 'grant-g-1-issued',
      kind: 'grant',
      at: T0 + 3_000,
      payload: v1.AuthorityGrant.encode({
        claims,
        signature: new Uint8Array([1, 2]),
        keyId: 'k',
      }).finish(),
      summary: { event: 'issued', grantId: 'g-1' },
    });
    await store.audit.append({
      interactionId: iid,
      recordId: 'handoff-h-1-reserved',
      kind: 'handoff',
      at: T0 + 4_000,
      payload: v1.HandoffEvent.encode({
        handoffId: 'h-1',
        grantId: 'g-1',
        attempt: 1,
        state: v1.HandoffState.HANDOFF_STATE_RESERVED,
        closerId: 'c-17',
      }).finish(),
    });

    const state = await call('GET', `/v1/interactions/${iid}`, { key: KEYS.reader });
    expect(state.status).toBe(200);
    expect(state.body['state']).toMatchObject({
      interactionId: iid,
      version: 2,
      updatedAt: new Date(T0 + 2_000).toISOString().replace('.000Z', 'Z'),
      markers: [{ kind: 'MARKER_KIND_SCOPE_CONFIRMED', status: 'MARKER_STATUS_VALIDATED' }],
      readiness: { score: 0.75 },
    });
    const versions = await call('GET', `/v1/interactions/${iid}/versions`, { key: KEYS.reader });
    expect((versions.body['versions'] as { version: number }[]).map((v) => v.version)).toEqual([
      1, 2,
    ]);
    const decisions = await call('GET', `/v1/interactions/${iid}/decisions`, { key: KEYS.reader });
    expect(decisions.body['records']).toEqual([
      expect.objectContaining({
        recordId: 'decision-d-1',
        payloadType: 'EscalationDecision',
        payload: expect.objectContaining({ outcome: 'ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER' }),
      }),
    ]);
    const grants = await call('GET', `/v1/interactions/${iid}/grants`, { key: KEYS.reader });
    expect((grants.body['records'] as { claims: unknown }[])[0]!.claims).toMatchObject({
      grantId: 'g-1',
      scopes: ['transfer.live'],
    });
    const handoffs = await call('GET', `/v1/interactions/${iid}/handoffs`, { key: KEYS.reader });
    expect(handoffs.body['records']).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({ state: 'HANDOFF_STATE_RESERVED' }),
      }),
    ]);
    const audit = await call('GET', `/v1/interactions/${iid}/audit`, { key: KEYS.reader });
    expect((audit.body['records'] as { kind: string }[]).map((r) => r.kind)).toEqual([
      'decision',
      'grant',
      'handoff',
    ]);
    const unknown = await call('GET', `/v1/interactions/${newId('nobody')}`, { key: KEYS.reader });
    expect(unknown.status).toBe(404);
    expect((unknown.body['error'] as { code: string }).code).toBe('INTERACTION_NOT_FOUND');
  });

  it("streams the router's HandoffEvents of one interaction as server-sent events", async () => {
    const iid = newId('gw');
    const stream = await openStream(`?interactionId=${iid}`);
    try {
      await stream.readUntil(/: following /);
      await handoff(newId('other'), 'h-other');
      const published = await handoff(iid, 'h-mine');
      await stream.readUntil(/event: handoffEvent\ndata: .*\n\n/);
      const [frame] = sseFrames(stream.text());
      // The id is the event's place in the handoff stream, what a reconnecting client sends back.
      expect(frame?.id).toMatch(/^[1-9][0-9]*$/);
      expect(frame?.event).toBe('handoffEvent');
      expect(frame?.data).toMatchObject({
        eventId: published.eventId,
        interactionId: iid,
        producer: { agent: 'router' },
        handoffEvent: { handoffId: 'h-mine', state: 'HANDOFF_STATE_RESERVED', closerId: 'c-17' },
      });
      expect(stream.text()).not.toContain('h-other');
      await stream.readUntil(/: keep-alive/);
    } finally {
      stream.close();
    }
  });

  it('resumes a reconnecting stream after its Last-Event-ID: what was published meanwhile is replayed, then it goes on live', async () => {
    const iid = newId('gw');
    const first = await openStream(`?interactionId=${iid}`);
    let seen: SseFrame[];
    try {
      await first.readUntil(/: following /);
      await handoff(iid, 'h-1');
      await handoff(iid, 'h-2');
      await first.readUntil(/(event: handoffEvent[^]*){2}/);
      seen = sseFrames(first.text());
    } finally {
      first.close();
    }
    // The desk dropped after h-2 arrived... but say only h-1 was handled: it resumes after h-1.
    await handoff(iid, 'h-3');
    await handoff(newId('other'), 'h-other');
    const resumed = await openStream(`?interactionId=${iid}`, { 'Last-Event-ID': seen[0]!.id! });
    try {
      await resumed.readUntil(new RegExp(`: following ${iid} after ${seen[0]!.id}`));
      await handoff(iid, 'h-4');
      await resumed.readUntil(/(event: handoffEvent[^]*){3}/);
      const frames = sseFrames(resumed.text());
      expect(frames.map((f) => handoffIdOf(f))).toEqual(['h-2', 'h-3', 'h-4']);
      expect(frames[0]?.id).toBe(seen[1]!.id);
      const ids = frames.map((f) => Number(f.id));
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      expect(resumed.text()).not.toContain('h-other');
    } finally {
      resumed.close();
    }

    // An id from before a stream was replaced starts over, and says so first.
    const reset = await openStream(`?interactionId=${iid}&lastEventId=900000000000`);
    try {
      await reset.readUntil(/(event: handoffEvent[^]*){4}/);
      const [gap, ...replayed] = sseFrames(reset.text());
      expect(gap).toEqual({
        id: undefined,
        event: 'gap',
        data: { reason: 'STREAM_RESET', afterSequence: 900000000000, resumedAtSequence: 1 },
      });
      expect(replayed.map((f) => handoffIdOf(f))).toEqual(['h-1', 'h-2', 'h-3', 'h-4']);
    } finally {
      reset.close();
    }

    const bad = await call('GET', `/v1/handoffs/stream?interactionId=${iid}`, {
      key: KEYS.reader,
      headers: { 'Last-Event-ID': 'evt-3f1c' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body['error']).toMatchObject({ code: 'VALIDATION_FAILED', field: 'Last-Event-ID' });
  });

  it('serves its OpenAPI document without a key, identical to the committed apps/gateway/openapi.json', async () => {
    const served = await call('GET', '/v1/openapi.json');
    expect(served.status).toBe(200);
    const committed = JSON.parse(
      await readFile(join(workspaceRoot(), 'apps', 'gateway', 'openapi.json'), 'utf8'),
    ) as unknown;
    expect(served.body).toEqual(committed);
  });

  it('reports liveness and readiness without a key', async () => {
    expect(await call('GET', '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await call('GET', '/readyz')).toEqual({
      status: 200,
      body: { ready: true, checks: { bus: true, store: true } },
    });
  });

  it('answers unknown routes with the JSON error format', async () => {
    const answer = await call('GET', '/v1/nothing-here', { key: KEYS.reader });
    expect(answer).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'Cannot GET /v1/nothing-here' } },
    });
    const lines = gateway.logs().filter((l) => l['msg'] === 'request');
    expect(lines.some((l) => l['source'] === 'voice-agent' && l['status'] === 202)).toBe(true);
    expect(JSON.stringify(gateway.logs())).not.toContain(KEYS.voice);
  });

  it('exposes Prometheus metrics without a key: requests by route template and status', async () => {
    const response = await fetch(`${baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(
      /warmline_http_requests_total\{method="POST",route="\/v1\/interactions\/:interactionId\/events",status="202",agent="gateway"\} [1-9]/,
    );
    expect(text).toMatch(
      /warmline_http_requests_total\{method="GET",route="unmatched",status="404"/,
    );
    expect(text).toContain('warmline_http_request_duration_seconds_bucket');
    // Route templates only: no interaction id ever becomes a label value.
    expect(text).not.toMatch(/route="[^"]*gw-/);
  });

  it('stops cleanly on SIGTERM, ending the event streams it holds open, resumed ones too', async () => {
    // Resolves (with how the stream was read to its end) once the stream is open.
    const follow = async (headers: Record<string, string>) => {
      const response = await fetch(`${baseUrl}/v1/handoffs/stream`, {
        headers: { Authorization: `Bearer ${KEYS.reader}`, ...headers },
      });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      await reader.read(); // the opening comment
      const drained = (async () => {
        for (;;) {
          const chunk = await reader.read().catch(() => ({ done: true }));
          if (chunk.done) return 'ended';
        }
      })();
      return { drained };
    };
    const streams = [await follow({}), await follow({ 'Last-Event-ID': '1' })];
    expect(await gateway.stop()).toBe(0);
    expect(await Promise.all(streams.map((s) => s.drained))).toEqual(['ended', 'ended']);
  });
});

describe('gateway during a broker outage', () => {
  it('answers 503 while NATS is down (accepting nothing) and 202 again once it is back', async () => {
    const server = await startNatsServer({ auth: true, name: 'gateway-outage' });
    const broker = {
      url: server.url,
      owned: true,
      credentials: (user: string) => server.credentials(user),
      stop: () => server.stop(),
    };
    let outageGateway: AgentProcess | null = null;
    try {
      await provision(broker);
      outageGateway = await startAgentProcess({
        app: 'gateway',
        label: 'gateway-outage',
        echo: process.env['E2E_ECHO'] === '1',
        env: {
          NATS_URL: server.url,
          [natsPasswordVariable('gateway')]: server.credentials('gateway').pass,
          WARMLINE_INSTANCE: 'gateway-outage',
          WARMLINE_HTTP_PORT: '0',
          WARMLINE_HTTP_HOST: '127.0.0.1',
          WARMLINE_API_KEYS: `voice-agent:${KEYS.voice}:events`,
        },
      });
      const port = outageGateway.logs().find((line) => line['msg'] === 'agent ready')?.['port'];
      const post = async (eventId: string) => {
        const response = await fetch(
          `http://127.0.0.1:${String(port)}/v1/interactions/outage-1/events`,
          {
            method: 'POST',
            headers: { Authorization: `Bearer ${KEYS.voice}`, 'Content-Type': 'application/json' },
            body: JSON.stringify(buyerSays(eventId, 1, 'hello')),
          },
        );
        return {
          status: response.status,
          body: (await response.json()) as Record<string, unknown>,
        };
      };

      await server.kill();
      const down = await post('outage-ev-1');
      expect(down.status).toBe(503);
      expect(down.body['error']).toMatchObject({ code: 'BUS_UNAVAILABLE' });
      const readiness = await fetch(`http://127.0.0.1:${String(port)}/readyz`);
      expect(readiness.status).toBe(503);

      await server.restart();
      const back = await eventually(
        () => post('outage-ev-1'),
        (answer) => answer.status === 202,
        20_000,
      );
      // The event refused during the outage was not stored then: its first acceptance is now.
      expect(back.body).toMatchObject({ eventId: 'outage-ev-1', duplicate: false });
    } finally {
      await outageGateway?.stop();
      await server.stop();
    }
  }, 90_000);
});
