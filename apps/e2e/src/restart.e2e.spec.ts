// Restarts that lose nothing: each agent is SIGKILLed in the middle of a running handoff and started
// again. The interaction still reaches the same outcome, nothing acknowledged before the kill is
// lost, no telephony command or booking happens twice, and no closer stays reserved.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventBus } from '@warmline/bus';
import { v1, type warmline } from '@warmline/contracts';
import { DEFAULT_POLICY } from '@warmline/policy';
import type { AgentProcess } from '@warmline/stack';
import { openKvStore, type WarmlineStore } from '@warmline/store';
import { ADMIN_USER, eventually, sleep, storedEnvelopes } from '@warmline/testing';
import { signInAvailableCloser } from './support/closers.js';
import { conversationEvents, EXPLICIT_BUYER } from './support/conversation.js';
import { Stage, StreamTap, type CloserScript } from './support/stage.js';
import { warmlineUnderTest, type WarmlineUnderTest } from './support/warmline-under-test.js';

type App = 'perception' | 'qualification' | 'escalation-governor' | 'router' | 'scheduler';

const H = v1.HandoffState;
const CLOSERS = ['rs-closer-1', 'rs-closer-2', 'rs-closer-3'];

let stack: WarmlineUnderTest;
let gateway: EventBus;
let handoffs: StreamTap;
let telephony: StreamTap;
let stage: Stage;
let store: WarmlineStore;
const running = new Map<App, AgentProcess>();
let env: Record<string, string>;

beforeAll(async () => {
  stack = await warmlineUnderTest();
  gateway = await stack.busAs('gateway');
  for (const closerId of CLOSERS) await signInAvailableCloser(gateway, closerId);
  // Restarts take seconds: decide on versions that old, and redeliver an unacknowledged message soon.
  const dir = mkdtempSync(join(tmpdir(), 'restart-policy-'));
  const policy = join(dir, 'patient.policy.json');
  writeFileSync(
    policy,
    JSON.stringify({
      ...DEFAULT_POLICY,
      controls: { ...DEFAULT_POLICY.controls, decisionTimeoutMs: 120_000 },
    }),
  );
  env = {
    WARMLINE_POLICY_FILES: policy,
    WARMLINE_ACK_WAIT_MS: '3000',
    WARMLINE_MAX_ASR_LATENCY_MS: '60000',
    WARMLINE_DIAL_TIMEOUT_MS: '20000',
    WARMLINE_RESERVATION_TIMEOUT_MS: '20000',
  };
  for (const app of [
    'perception',
    'qualification',
    'escalation-governor',
    'router',
    'scheduler',
  ] as App[]) {
    running.set(app, await stack.start(app, env));
  }
  store = await openKvStore({
    servers: stack.broker.url,
    connection: stack.broker.credentials(ADMIN_USER),
  });
  handoffs = await StreamTap.open(stack.jsm, 'WL_HANDOFF');
  telephony = await StreamTap.open(stack.jsm, 'WL_TELEPHONY');
  stage = new Stage(gateway, handoffs, telephony);
}, 120_000);

afterAll(async () => {
  stage?.stop();
  await handoffs?.stop();
  await telephony?.stop();
  await store?.close();
  await stack?.stop();
});

/** SIGKILLs the agent (as a crash would) and starts a new process of it. */
async function crashAndRestart(app: App): Promise<void> {
  await running.get(app)!.kill();
  running.set(app, await stack.start(app, env));
}

let counter = 0;
const newInteraction = (app: string) =>
  `rs-${app.slice(0, 4)}-${++counter}-${Math.random().toString(36).slice(2, 6)}`;

async function send(iid: string, events: ReturnType<typeof conversationEvents>): Promise<void> {
  for (const event of events) await gateway.publish('perception', iid, { ...event });
}

async function until(iid: string, state: number, timeoutMs = 60_000): Promise<void> {
  await eventually(
    () => handoffs.of(iid).map((e) => e.handoffEvent?.state),
    (states) => states.includes(state),
    timeoutMs,
  );
}

interface LedgerReservation {
  readonly handoffId: string;
  readonly status: string;
}

async function activeSeats(): Promise<LedgerReservation[]> {
  const seats: LedgerReservation[] = [];
  for (const closerId of CLOSERS) {
    const stored = await store.checkpoints.get(`router.ledger.${closerId}`);
    if (stored === null) continue;
    const checkpoint = JSON.parse(new TextDecoder().decode(stored.value)) as {
      state: { reservations: LedgerReservation[] };
    };
    seats.push(
      ...checkpoint.state.reservations.filter((r) => ['pending', 'accepted'].includes(r.status)),
    );
  }
  return seats;
}

/** Everything the acceptance asks of one interaction after its crash and recovery. */
async function expectNothingLostOrDoubled(iid: string, events: number): Promise<void> {
  // Every perception event acknowledged became exactly one signal.
  const signals = await storedEnvelopes(stack.jsm, 'signal', iid);
  expect(signals.map((s) => s.envelope.signal?.sourceSequence).sort((a, b) => a! - b!)).toEqual(
    Array.from({ length: events }, (_, i) => i + 1),
  );
  // Intent versions are contiguous; the buyer's markers all validated.
  const intents = (await storedEnvelopes(stack.jsm, 'intent', iid)).map(
    (e) => e.envelope.intentVersion,
  );
  expect(intents).toEqual(intents.map((_, i) => i + 1));
  // One live-transfer authorisation, one transfer.
  const decisions = (await storedEnvelopes(stack.jsm, 'decision', iid)).map((e) => e.envelope);
  const grants = decisions.filter(
    (d) =>
      d.escalationDecision?.outcome ===
      v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
  );
  expect(grants).toHaveLength(1);
  // No telephony command twice: each idempotency key once in the stream.
  const commands = telephony.of(iid).map((e) => e.telephonyCommand?.idempotencyKey);
  expect(new Set(commands).size).toBe(commands.length);
  expect(commands.filter((k) => k?.endsWith(':dial')).length).toBeGreaterThanOrEqual(1);
  // No closer stays reserved once the call is over.
  await eventually(activeSeats, (seats) => seats.length === 0, 20_000);
}

describe('restart without loss (each agent SIGKILLed mid-handoff)', () => {
  it.each(['perception', 'qualification'] as App[])(
    '%s killed while the buyer is still talking: same bridged transfer, nothing lost or doubled',
    async (app) => {
      const iid = newInteraction(app);
      stage.play(iid, {}, { hangUpAfterBridge: true });
      const events = conversationEvents(iid, EXPLICIT_BUYER);
      await send(iid, events.slice(0, 5));
      await crashAndRestart(app);
      await send(iid, events.slice(5));
      await until(iid, H.HANDOFF_STATE_BRIDGED);
      await expectNothingLostOrDoubled(iid, events.length);
      const bridged = handoffs
        .of(iid)
        .filter((e) => e.handoffEvent?.state === H.HANDOFF_STATE_BRIDGED);
      expect(bridged).toHaveLength(1);
    },
  );

  it('escalation-governor killed while deciding: one grant, one bridged transfer', async () => {
    const iid = newInteraction('governor');
    stage.play(iid, {}, { hangUpAfterBridge: true });
    const events = conversationEvents(iid, EXPLICIT_BUYER);
    await send(iid, events);
    await sleep(150);
    await crashAndRestart('escalation-governor');
    await until(iid, H.HANDOFF_STATE_BRIDGED);
    await expectNothingLostOrDoubled(iid, events.length);
  });

  it('router killed between the reservation and the bridge: one dial, one bridge, the seat freed', async () => {
    const iid = newInteraction('router');
    stage.play(iid, {}, { hangUpAfterBridge: true });
    const events = conversationEvents(iid, EXPLICIT_BUYER);
    await send(iid, events);
    await until(iid, H.HANDOFF_STATE_RESERVED);
    await crashAndRestart('router');
    await until(iid, H.HANDOFF_STATE_BRIDGED);
    await expectNothingLostOrDoubled(iid, events.length);
    const dials = telephony.of(iid).filter((e) => e.telephonyCommand?.dialCloser);
    expect(dials).toHaveLength(1);
  });

  it('scheduler killed as a failed transfer falls back: one booking', async () => {
    const iid = newInteraction('scheduler');
    const decline: CloserScript = { desk: 'accept', phone: 'decline' };
    stage.play(iid, Object.fromEntries(CLOSERS.map((c) => [c, decline])));
    const events = conversationEvents(iid, EXPLICIT_BUYER);
    await send(iid, events);
    await until(iid, H.HANDOFF_STATE_FALLBACK_APPOINTMENT);
    await crashAndRestart('scheduler');
    const booked = await eventually(
      async () =>
        (await storedEnvelopes(stack.jsm, 'appointment', iid))
          .map((e) => e.envelope.appointmentEvent)
          .filter((a): a is warmline.v1.AppointmentEvent => a?.booked != null),
      (list) => list.length >= 1,
      60_000,
    );
    await sleep(2_000);
    const all = (await storedEnvelopes(stack.jsm, 'appointment', iid)).filter(
      (e) => e.envelope.appointmentEvent?.booked,
    );
    expect(all).toHaveLength(1);
    expect(booked[0]!.booked!.appointmentId).toBeTruthy();
    await expectNothingLostOrDoubled(iid, events.length);
  });
});
