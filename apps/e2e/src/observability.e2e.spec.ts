// Observability of every agent, each its own process (issue 6): after a warm transfer and a
// declined-then-booked handoff, each agent's /metrics shows its series with the outcomes' labels;
// the agents' JSON log lines about an interaction carry the trace and span ids of a trace the OTLP
// receiver holds; and /readyz follows the NATS connection through an outage while /healthz stays up.
import type { EventBus } from '@warmline/bus';
import { v1, type AgentName } from '@warmline/contracts';
import type { AgentProcess } from '@warmline/stack';
import { ATTR, startTelemetry, type Telemetry } from '@warmline/telemetry';
import { eventually, startOtlpReceiver, type OtlpReceiver } from '@warmline/testing';
import { signInAvailableCloser } from './support/closers.js';
import { conversationEvents, EXPLICIT_BUYER, type Turn } from './support/conversation.js';
import { samplesOf, valueOf } from './support/prometheus-text.js';
import { Stage, StreamTap, type CloserScript } from './support/stage.js';
import { warmlineUnderTest, type WarmlineUnderTest } from './support/warmline-under-test.js';

const H = v1.HandoffState;
const AGENTS: readonly AgentName[] = [
  'perception',
  'qualification',
  'escalation-governor',
  'router',
  'scheduler',
];
const CLOSERS = [1, 2, 3, 4].map((n) => `obs-closer-${n}`);
const HTTP = { WARMLINE_HTTP_PORT: '0', WARMLINE_HTTP_HOST: '127.0.0.1' };
const AGENT_ENV: Partial<Record<AgentName, Record<string, string>>> = {
  perception: { WARMLINE_MAX_ASR_LATENCY_MS: '15000' },
  router: { WARMLINE_DIAL_TIMEOUT_MS: '4000' },
};

let counter = 0;
const newInteraction = (label: string) =>
  `obs-${label}-${++counter}-${Math.random().toString(36).slice(2, 7)}`;

/** Where an agent started with WARMLINE_HTTP_PORT=0 serves /healthz, /readyz and /metrics. */
function baseUrl(agent: AgentProcess): string {
  const ready = agent.logs().find((line) => line['msg'] === 'agent ready');
  return `http://127.0.0.1:${String(ready?.['httpPort'])}`;
}

/** GET `path` of `agent`; status 0 when nothing answers. */
async function get(agent: AgentProcess, path: string): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(`${baseUrl(agent)}${path}`, {
      signal: AbortSignal.timeout(5_000),
    });
    return { status: response.status, text: await response.text() };
  } catch {
    return { status: 0, text: '' };
  }
}

describe('observability: metrics and trace ids after a warm transfer and a declined-then-booked handoff', () => {
  let stack: WarmlineUnderTest;
  let receiver: OtlpReceiver;
  let telemetry: Telemetry;
  let gateway: EventBus;
  let governor: EventBus;
  let handoffs: StreamTap;
  let telephony: StreamTap;
  let stage: Stage;
  const agents = new Map<AgentName, AgentProcess>();
  const warm = newInteraction('warm');
  const booked = newInteraction('booked');
  const hesitant = newInteraction('hesitant');
  const forged = newInteraction('forged');

  const agent = (app: AgentName): AgentProcess => {
    const found = agents.get(app);
    if (!found) throw new Error(`${app} was not started`);
    return found;
  };
  const metricsOf = async (app: AgentName): Promise<string> =>
    (await get(agent(app), '/metrics')).text;

  async function converse(iid: string, turns: readonly Turn[]): Promise<void> {
    for (const event of conversationEvents(iid, turns))
      await gateway.publish('perception', iid, { ...event });
  }

  async function handoff(iid: string, until: number, scripts: Record<string, CloserScript> = {}) {
    stage.play(iid, scripts);
    await converse(iid, EXPLICIT_BUYER);
    await eventually(
      () => handoffs.of(iid).map((e) => e.handoffEvent?.state),
      (states) => states.includes(until),
      30_000,
    );
  }

  beforeAll(async () => {
    // The test plays desks and telephony and continues the traces it answers, as they do.
    telemetry = startTelemetry({ service: 'e2e', instance: 'e2e', env: {} });
    receiver = await startOtlpReceiver();
    stack = await warmlineUnderTest();
    gateway = await stack.busAs('gateway');
    governor = await stack.busAs('escalation-governor');
    for (const closerId of CLOSERS) await signInAvailableCloser(gateway, closerId);
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' };
    const started = await Promise.all(
      AGENTS.map((app) =>
        // info: the lines asserted on stay within the kept log tail.
        stack.start(app, { ...otel, ...HTTP, LOG_LEVEL: 'info', ...AGENT_ENV[app] }),
      ),
    );
    started.forEach((process, i) => agents.set(AGENTS[i]!, process));
    handoffs = await StreamTap.open(stack.jsm, 'WL_HANDOFF');
    telephony = await StreamTap.open(stack.jsm, 'WL_TELEPHONY');
    stage = new Stage(gateway, handoffs, telephony);

    // The scenario: a warm transfer left bridged (its closer's seat stays held), then a transfer
    // every closer declines, booked as an appointment instead.
    await handoff(warm, H.HANDOFF_STATE_BRIDGED);
    const decline: CloserScript = { desk: 'accept', phone: 'decline' };
    await handoff(
      booked,
      H.HANDOFF_STATE_FALLBACK_APPOINTMENT,
      Object.fromEntries(CLOSERS.map((c) => [c, decline])),
    );
    // Cheap extras: a mumbled answer (a signal fault), and two decisions without a grant, which the
    // router and the scheduler refuse and dead-letter.
    await converse(hesitant, [{ buyer: 'mm, yeah, maybe', confidence: 0.2 }]);
    for (const outcome of [
      v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
      v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT,
    ]) {
      await governor.publish('decision', forged, {
        intentVersion: 1,
        escalationDecision: { interactionId: forged, intentVersion: 1, outcome },
      });
    }
  }, 90_000);

  afterAll(async () => {
    stage?.stop();
    await handoffs?.stop();
    await telephony?.stop();
    await stack?.stop();
    await receiver?.stop();
    await telemetry?.shutdown();
  });

  it('every agent exposes its domain series with the scenario’s labels, plus dead letters and consumer lag', async () => {
    const governorText = await eventually(
      () => metricsOf('escalation-governor'),
      (text) =>
        (valueOf(text, 'warmline_grants_issued_total', { action: 'live_transfer' }) ?? 0) >= 2,
    );
    const live = { outcome: 'AUTHORIZE_LIVE_TRANSFER' };
    expect(
      valueOf(governorText, 'warmline_decision_latency_seconds_count', live),
    ).toBeGreaterThanOrEqual(2);
    expect(
      valueOf(governorText, 'warmline_decisions_total', { ...live, reason: 'POLICY_SATISFIED' }),
    ).toBe(2);
    // The buyer's first words held the decision back, with the markers still missing as reasons.
    expect(
      valueOf(governorText, 'warmline_decisions_total', { outcome: 'HOLD' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      valueOf(governorText, 'warmline_decision_reasons_total', {
        outcome: 'HOLD',
        reason: 'MARKER_NOT_VALIDATED',
        marker: 'ESCALATION_PERMISSION',
      }),
    ).toBeGreaterThanOrEqual(1);

    // The refusal is counted when the handler refuses, its dead letter once that is settled.
    const routerText = await eventually(
      () => metricsOf('router'),
      (text) =>
        valueOf(text, 'warmline_grants_refused_total', { code: 'GRANT_MALFORMED' }) === 1 &&
        valueOf(text, 'warmline_messages_settled_total', {
          family: 'decision',
          action: 'dead-letter',
          reason: 'GRANT_REFUSED',
        }) !== null,
      15_000,
    );
    const warmMode = { mode: 'WARM' };
    expect(
      valueOf(routerText, 'warmline_transfer_outcomes_total', { ...warmMode, state: 'BRIDGED' }),
    ).toBe(1);
    expect(
      valueOf(routerText, 'warmline_transfer_outcomes_total', {
        ...warmMode,
        state: 'FALLBACK_APPOINTMENT',
        reason: 'ATTEMPTS_EXHAUSTED',
      }),
    ).toBe(1);
    expect(
      valueOf(routerText, 'warmline_transfer_attempt_failures_total', {
        ...warmMode,
        state: 'DECLINED',
        reason: 'CLOSER_DECLINED',
      }),
    ).toBe(2);
    expect(
      valueOf(routerText, 'warmline_messages_settled_total', {
        family: 'decision',
        action: 'dead-letter',
        reason: 'GRANT_REFUSED',
      }),
    ).toBe(1);
    // The bridged call still holds one of the four available closers' seats.
    expect(valueOf(routerText, 'warmline_closer_seats_held')).toBe(1);
    expect(valueOf(routerText, 'warmline_closer_capacity_seats')).toBe(4);
    expect(valueOf(routerText, 'warmline_closer_utilisation_ratio')).toBe(0.25);

    // The booking the fallback leads to may land after the set-up saw the fallback.
    const schedulerText = await eventually(
      () => metricsOf('scheduler'),
      (text) =>
        valueOf(text, 'warmline_grants_refused_total', { code: 'GRANT_MALFORMED' }) === 1 &&
        valueOf(text, 'warmline_appointments_total', { outcome: 'booked' }) !== null &&
        valueOf(text, 'warmline_messages_settled_total', {
          family: 'decision',
          action: 'dead-letter',
          reason: 'GRANT_REFUSED',
        }) !== null,
      15_000,
    );
    expect(valueOf(schedulerText, 'warmline_appointments_total', { outcome: 'booked' })).toBe(1);
    expect(
      valueOf(schedulerText, 'warmline_messages_settled_total', {
        family: 'decision',
        action: 'dead-letter',
        reason: 'GRANT_REFUSED',
      }),
    ).toBe(1);

    const perceptionText = await eventually(
      () => metricsOf('perception'),
      (text) =>
        valueOf(text, 'warmline_signal_faults_total', { fault: 'ASR_LOW_CONFIDENCE' }) !== null,
    );
    expect(valueOf(perceptionText, 'warmline_signals_total')).toBeGreaterThanOrEqual(
      2 * (EXPLICIT_BUYER.length + 2),
    );
    const qualificationText = await metricsOf('qualification');
    expect(valueOf(qualificationText, 'warmline_intent_versions_total')).toBeGreaterThanOrEqual(2);
    expect(
      valueOf(qualificationText, 'warmline_marker_changes_total', {
        marker: 'ESCALATION_PERMISSION',
        status: 'VALIDATED',
      }),
    ).toBeGreaterThanOrEqual(2);

    // What every agent has: settled messages of the family it consumes, its consumer lag per
    // partition, and the agent label on every series.
    const consumed: Partial<Record<AgentName, string>> = {
      perception: 'perception',
      qualification: 'signal',
      'escalation-governor': 'intent',
      router: 'decision',
      scheduler: 'decision',
    };
    for (const app of AGENTS) {
      const text = await metricsOf(app);
      const family = consumed[app] ?? '';
      expect([
        app,
        valueOf(text, 'warmline_messages_settled_total', { family, action: 'ack' }),
      ]).toEqual([app, expect.any(Number)]);
      expect([
        app,
        samplesOf(text, 'warmline_consumer_lag_messages').filter(
          (s) => s.labels['family'] === family,
        ),
      ]).toEqual([
        app,
        expect.arrayContaining([
          { labels: expect.objectContaining({ agent: app }), value: expect.any(Number) },
        ]),
      ]);
    }
  }, 60_000);

  it('agents’ JSON log lines about an interaction carry the trace and span ids of its trace', async () => {
    const linesOf = (app: AgentName, msg: string, iid: string) =>
      agent(app)
        .logs()
        .filter((line) => line['msg'] === msg && line['interactionId'] === iid);
    // The set-up waits for the events on the bus; a line is written once its step's effects are
    // performed, and the booking the fallback leads to may still be on its way.
    const { bridged, requested, authorised, appointment } = await eventually(
      () => ({
        bridged: linesOf('router', 'transfer state', warm).find((l) => l['state'] === 'BRIDGED'),
        requested: linesOf('router', 'transfer state', warm).find(
          (l) => l['state'] === 'REQUESTED' && l['attempt'] === 1,
        ),
        authorised: linesOf('escalation-governor', 'escalation decided', warm).find(
          (l) => l['outcome'] === 'ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER',
        ),
        appointment: linesOf('scheduler', 'appointment booked', booked)[0],
      }),
      (found) => Object.values(found).every((line) => line !== undefined),
      15_000,
    );
    const ids = {
      trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      span_id: expect.stringMatching(/^[0-9a-f]{16}$/),
    };
    for (const line of [bridged, requested, authorised, appointment])
      expect(line).toMatchObject(ids);
    // The decision and the transfer it started are one trace, in the logs as in the spans.
    expect(requested!['trace_id']).toBe(authorised!['trace_id']);

    for (const [app, line, iid] of [
      ['router', bridged, warm],
      ['escalation-governor', authorised, warm],
      ['scheduler', appointment, booked],
    ] as const) {
      const spans = await eventually(
        () => receiver.spans().filter((s) => s.traceId === line!['trace_id']),
        (found) => found.some((s) => s.spanId === line!['span_id']),
        15_000,
      );
      const logged = spans.find((s) => s.spanId === line!['span_id'])!;
      expect([app, logged.service, logged.attributes[ATTR.interactionId]]).toEqual([app, app, iid]);
    }
  }, 30_000);
});

describe('observability: health across a NATS outage', () => {
  let stack: WarmlineUnderTest;
  const agents: AgentProcess[] = [];

  beforeAll(async () => {
    stack = await warmlineUnderTest({ restartableBroker: true });
    // One closer, so the router's seat gauges read the store on every scrape.
    await signInAvailableCloser(await stack.busAs('gateway'), 'outage-closer');
    agents.push(
      ...(await Promise.all(AGENTS.map((app) => stack.start(app, { ...HTTP, ...AGENT_ENV[app] })))),
    );
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const statuses = (path: string) =>
    Promise.all(agents.map(async (a) => (await get(a, path)).status));
  const every = (status: number) => (list: number[]) => list.every((s) => s === status);

  it('each agent turns not-ready while NATS is down (staying alive, still serving metrics) and ready again once it is back', async () => {
    expect(await statuses('/readyz')).toEqual(AGENTS.map(() => 200));
    const router = agents[AGENTS.indexOf('router')]!;
    expect(valueOf((await get(router, '/metrics')).text, 'warmline_closer_capacity_seats')).toBe(1);
    const server = stack.server!;

    await server.kill();
    await eventually(() => statuses('/readyz'), every(503), 15_000);
    expect(await statuses('/healthz')).toEqual(AGENTS.map(() => 200));
    const readiness = JSON.parse((await get(agents[0]!, '/readyz')).text) as Record<
      string,
      unknown
    >;
    expect(readiness).toMatchObject({ status: 'not ready', connected: false });
    // A scrape during the outage answers in time: the router's store-backed gauges keep their values.
    const started = Date.now();
    const scrape = await get(router, '/metrics');
    expect(scrape.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(valueOf(scrape.text, 'warmline_closer_capacity_seats')).toBe(1);

    await server.restart();
    await eventually(() => statuses('/readyz'), every(200), 30_000);
    const back = JSON.parse((await get(router, '/readyz')).text) as Record<
      string,
      number | boolean
    >;
    expect(back['connected']).toBe(true);
    expect(back['consumersRunning']).toBe(back['consumersExpected']);
  }, 60_000);
});
