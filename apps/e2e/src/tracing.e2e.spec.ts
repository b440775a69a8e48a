// One handoff, one trace: every agent as its own process exports OTLP/HTTP protobuf to a real
// receiver (decoded with the OpenTelemetry project's generated code, as Jaeger's OTLP port would),
// and the path from the buyer's decisive words to the telephony command is a single trace with the
// attributes an operator searches by. Ordinary outcomes (a closer declining) are not errors.
import { startTelemetry, ATTR, type Telemetry } from '@warmline/telemetry';
import type { EventBus } from '@warmline/bus';
import { v1 } from '@warmline/contracts';
import {
  eventually,
  startOtlpReceiver,
  type OtlpReceiver,
  type ReceivedSpan,
} from '@warmline/testing';
import { signInAvailableCloser } from './support/closers.js';
import { conversationEvents, EXPLICIT_BUYER } from './support/conversation.js';
import { Stage, StreamTap } from './support/stage.js';
import { warmlineUnderTest, type WarmlineUnderTest } from './support/warmline-under-test.js';

let stack: WarmlineUnderTest;
let receiver: OtlpReceiver;
let gateway: EventBus;
let handoffs: StreamTap;
let telephony: StreamTap;
let stage: Stage;
let telemetry: Telemetry;

const H = v1.HandoffState;

beforeAll(async () => {
  // The test plays desks and telephony: it must continue the traces it answers, as they do.
  telemetry = startTelemetry({ service: 'e2e', instance: 'e2e', env: {} });
  receiver = await startOtlpReceiver();
  stack = await warmlineUnderTest();
  gateway = await stack.busAs('gateway');
  for (let n = 1; n <= 4; n++) {
    await signInAvailableCloser(gateway, `trace-closer-${n}`, { displayName: `Closer ${n}` });
  }
  const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' };
  await Promise.all([
    stack.start('perception', { ...otel, WARMLINE_MAX_ASR_LATENCY_MS: '15000' }),
    stack.start('qualification', otel),
    stack.start('escalation-governor', otel),
    stack.start('router', { ...otel, WARMLINE_DIAL_TIMEOUT_MS: '4000' }),
    stack.start('scheduler', otel),
  ]);
  handoffs = await StreamTap.open(stack.jsm, 'WL_HANDOFF');
  telephony = await StreamTap.open(stack.jsm, 'WL_TELEPHONY');
  stage = new Stage(gateway, handoffs, telephony);
}, 90_000);

afterAll(async () => {
  stage?.stop();
  await handoffs?.stop();
  await telephony?.stop();
  await stack?.stop();
  await receiver?.stop();
  await telemetry?.shutdown();
});

let counter = 0;
const newInteraction = (label: string) =>
  `${label}-${++counter}-${Math.random().toString(36).slice(2, 7)}`;

async function converse(iid: string): Promise<void> {
  for (const event of conversationEvents(iid, EXPLICIT_BUYER)) {
    await gateway.publish('perception', iid, { ...event });
  }
}

async function untilState(iid: string, state: number): Promise<void> {
  await eventually(
    () => handoffs.of(iid).map((e) => e.handoffEvent?.state),
    (states) => states.includes(state),
    30_000,
  );
}

/** The spans of the trace in which the governor authorised `iid`, once `done` accepts them. */
async function authorisationTrace(
  iid: string,
  done: (spans: readonly ReceivedSpan[]) => boolean,
): Promise<ReceivedSpan[]> {
  return eventually(
    () => {
      const all = receiver.spans();
      const decided = all.find(
        (s) =>
          s.attributes[ATTR.interactionId] === iid &&
          s.service === 'escalation-governor' &&
          String(s.attributes[ATTR.decision] ?? '').startsWith('AUTHORIZE'),
      );
      return decided ? all.filter((s) => s.traceId === decided.traceId) : [];
    },
    (spans) => spans.length > 0 && done(spans),
    30_000,
  );
}

const services = (spans: readonly ReceivedSpan[]) => new Set(spans.map((s) => s.service));

describe('tracing (OTLP/HTTP to a real receiver, every agent a process)', () => {
  it('shows a warm transfer as one trace from perception to the telephony bridge command, with its attributes', async () => {
    const iid = newInteraction('traced');
    stage.play(iid);
    await converse(iid);
    await untilState(iid, H.HANDOFF_STATE_BRIDGED);
    const trace = await authorisationTrace(iid, (spans) =>
      spans.some(
        (s) =>
          s.name === 'publish wl.telephony' && s.attributes[ATTR.telephonyCommand] === 'bridge',
      ),
    );
    expect([...services(trace)]).toEqual(
      expect.arrayContaining(['perception', 'qualification', 'escalation-governor', 'router']),
    );
    // The path, in causal order, all in this one trace.
    const names = trace.map((s) => `${s.service}:${s.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'perception:process wl.perception',
        'perception:publish wl.signal',
        'qualification:process wl.signal',
        'qualification:store write intent',
        'qualification:publish wl.intent',
        'escalation-governor:process wl.intent',
        'escalation-governor:sign grant',
        'escalation-governor:publish wl.decision',
        'router:process wl.decision',
        'router:verify grant',
        'router:reserve closer',
        'router:publish wl.handoff',
        'router:publish wl.telephony',
      ]),
    );
    const decision = trace.find(
      (s) => s.service === 'escalation-governor' && s.name === 'publish wl.decision',
    )!;
    expect(decision.attributes).toMatchObject({
      [ATTR.interactionId]: iid,
      [ATTR.decision]: 'AUTHORIZE_LIVE_TRANSFER',
      [ATTR.grantId]: expect.any(String),
      [ATTR.intentVersion]: expect.any(Number),
    });
    const bridged = trace.find((s) => s.attributes[ATTR.transferState] === 'BRIDGED')!;
    expect(bridged.attributes).toMatchObject({
      [ATTR.grantId]: decision.attributes[ATTR.grantId],
      [ATTR.closerId]: expect.stringMatching(/^trace-closer-/),
    });
    expect(trace.filter((s) => s.status === 'STATUS_CODE_ERROR')).toEqual([]);
    expect(receiver.failures()).toEqual([]);
  });

  it('traces a declined-then-booked handoff with the typed reasons and no error status', async () => {
    const iid = newInteraction('declined');
    const decline = { desk: 'accept', phone: 'decline' } as const;
    stage.play(iid, Object.fromEntries([1, 2, 3, 4].map((n) => [`trace-closer-${n}`, decline])));
    await converse(iid);
    await untilState(iid, H.HANDOFF_STATE_FALLBACK_APPOINTMENT);
    const trace = await authorisationTrace(iid, (spans) =>
      spans.some(
        (s) => s.service === 'scheduler' && s.attributes[ATTR.appointmentId] !== undefined,
      ),
    );
    const states = trace.map((s) => s.attributes[ATTR.transferState]).filter(Boolean);
    expect(states).toEqual(expect.arrayContaining(['DECLINED', 'FALLBACK_APPOINTMENT']));
    expect(trace.map((s) => s.attributes[ATTR.failureReason]).filter(Boolean)).toEqual(
      expect.arrayContaining(['CLOSER_DECLINED', 'ATTEMPTS_EXHAUSTED']),
    );
    const booked = trace.find(
      (s) =>
        s.service === 'scheduler' &&
        s.name === 'publish wl.appointment' &&
        s.attributes[ATTR.appointmentId],
    )!;
    expect(booked.attributes[ATTR.grantId]).toBeDefined();
    // A closer declining and an appointment instead are outcomes, not faults.
    expect(trace.filter((s) => s.status === 'STATUS_CODE_ERROR').map((s) => s.name)).toEqual([]);
  });
});
