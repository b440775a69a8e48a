// The chaos soak: a simulated campaign against the whole stack while the agents are SIGKILLed and
// restarted one after another, round after round, for as long as the campaign runs. Not part of
// `npm test` (it is long by design); `npm run soak` runs it, `.ci/run` runs it bounded
// (`npm run soak -- --quick`). Afterwards, across every call of the campaign:
// - the simulator finished every call with an outcome, none stuck (timed_out);
// - no agent dead-lettered anything (nothing acknowledged was dropped on the way);
// - no telephony command was sent twice, no buyer was bridged or booked twice;
// - every interaction's intent versions are contiguous (no version lost or written twice);
// - no closer is left reserved.
// WARMLINE_SOAK_CALLS (per mode), WARMLINE_SOAK_MODES and WARMLINE_SOAK_KILL_EVERY_MS size it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v1, type AgentName } from '@warmline/contracts';
import { workspaceRoot } from '@warmline/nats-server';
import { DEFAULT_SCENARIO, type Scenario, type SimulationMode } from '@warmline/simulation';
import type { AgentProcess } from '@warmline/stack';
import { openKvStore, type WarmlineStore } from '@warmline/store';
import { ADMIN_USER, eventually, storedDeadLetters, storedEnvelopes } from '@warmline/testing';
import { runNode, type CommandRun } from './support/node-command.js';
import { warmlineUnderTest, type WarmlineUnderTest } from './support/warmline-under-test.js';

const SIMULATOR = join(workspaceRoot(), 'apps', 'simulator', 'dist', 'main.js');
const CALLS = positiveInteger('WARMLINE_SOAK_CALLS', 60);
const MODES = (process.env['WARMLINE_SOAK_MODES'] ?? 'warm,cold').split(',');
const KILL_EVERY_MS = positiveInteger('WARMLINE_SOAK_KILL_EVERY_MS', 6_000);

function positiveInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${text}"`);
  }
  return value;
}
const VICTIMS: readonly AgentName[] = [
  'perception',
  'qualification',
  'escalation-governor',
  'router',
  'scheduler',
];

// The default campaign — its buyer mix, its perception faults — at a few times their rate, on a
// pool small enough that closers are contended and calls short enough to span many kills; the
// reservation timeout in seconds so a call outlives a restart or two.
const SCENARIO: Scenario = {
  ...DEFAULT_SCENARIO,
  seed: 7,
  campaignId: 'soak',
  description: 'Chaos soak - agents killed and restarted while the campaign runs.',
  calls: CALLS,
  concurrency: 16,
  arrivalRatePerSecond: 4,
  modes: MODES as SimulationMode[],
  closers: {
    count: 6,
    defaults: {
      ...DEFAULT_SCENARIO.closers.defaults,
      declineRate: 0.15,
      noAnswerRate: 0.1,
      answerDelayMs: { min: 1_000, max: 4_000 },
      talkTimeMs: { min: 20_000, max: 40_000 },
    },
  },
  faults: {
    ...DEFAULT_SCENARIO.faults,
    amdErrorRate: 0.05,
    asrLagRate: 0.05,
    duplicateRate: 0.05,
    reorderRate: 0.05,
  },
  policy: Object.fromEntries(
    MODES.filter((mode) => mode !== 'appointment-only').map((mode) => [
      mode,
      { liveTransfer: { reservationTimeoutMs: 4_000 } },
    ]),
  ),
};

interface SoakReport {
  readonly totalCalls: number;
  readonly calls: readonly { interactionId: string; mode: string; outcome: string }[];
  readonly stack: { readonly deadLetters: readonly { agent: string; reason: string }[] };
}

let stack: WarmlineUnderTest;
let store: WarmlineStore;
let dir: string;
let campaign: CommandRun;
let report: SoakReport;
const kills: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'warmline-soak-'));
  const scenarioPath = join(dir, 'soak.scenario.json');
  writeFileSync(scenarioPath, JSON.stringify(SCENARIO));
  const policies = await runNode(
    SIMULATOR,
    ['--scenario', scenarioPath, '--write-policies', dir],
    {},
  );
  if (policies.code !== 0) throw new Error(`--write-policies failed: ${policies.stderr}`);
  const policyFiles = policies.stdout.trim().split('\n').join(',');
  const envOf = (app: AgentName): Record<string, string> => ({
    // A killed agent's unacknowledged messages come back within seconds, not the default minute.
    WARMLINE_ACK_WAIT_MS: '3000',
    ...(['perception', 'qualification', 'escalation-governor'].includes(app)
      ? { WARMLINE_POLICY_FILES: policyFiles }
      : {}),
    ...(app === 'router'
      ? { WARMLINE_DIAL_TIMEOUT_MS: '6000', WARMLINE_RING_GRACE_MS: '1000' }
      : {}),
  });

  stack = await warmlineUnderTest();
  const running = new Map<AgentName, AgentProcess>();
  await Promise.all(
    VICTIMS.map(async (app) => running.set(app, await stack.start(app, envOf(app)))),
  );
  store = await openKvStore({
    servers: stack.broker.url,
    connection: stack.broker.credentials(ADMIN_USER),
  });

  const simulation = runNode(
    SIMULATOR,
    ['--scenario', scenarioPath, '--out', join(dir, 'report'), '--no-progress'],
    {
      NATS_URL: stack.broker.url,
      WL_NATS_PASSWORD_SIMULATOR: stack.broker.credentials('simulator').pass,
      WARMLINE_GRANT_TRUSTED_KEYS: stack.grantKey.publicKey,
    },
  );
  let finished = false;
  let wake: () => void = () => undefined;
  void simulation.finally(() => {
    finished = true;
    wake();
  });
  // Round-robin: wait, kill the next agent, start it again, until the campaign is over.
  for (let round = 0; !finished; round += 1) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, KILL_EVERY_MS);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    if (finished) break;
    const app = VICTIMS[round % VICTIMS.length]!;
    await running.get(app)!.kill();
    running.set(app, await stack.start(app, envOf(app)));
    kills.push(app);
  }
  campaign = await simulation;
  if (campaign.code === 0) {
    report = JSON.parse(readFileSync(join(dir, 'report', 'report.json'), 'utf8')) as SoakReport;
  }
  process.stdout.write(
    `[soak] ${CALLS} calls × ${MODES.join('+')}, ${kills.length} kills (${kills.join(', ')})\n`,
  );
}, 3_600_000);

afterAll(async () => {
  await store?.close();
  await stack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`chaos soak: a campaign while agents are SIGKILLed every ${KILL_EVERY_MS} ms`, () => {
  it('killed every agent at least once while the campaign ran', () => {
    expect(new Set(kills)).toEqual(new Set(VICTIMS));
  });

  it('finished every call with an outcome; none was left stuck', () => {
    expect({ code: campaign.code, stderr: campaign.stderr }).toEqual({ code: 0, stderr: '' });
    expect(report.totalCalls).toBe(CALLS * MODES.length);
    expect(new Set(report.calls.map((c) => c.interactionId)).size).toBe(CALLS * MODES.length);
    const outcomes = new Map<string, number>();
    for (const call of report.calls)
      outcomes.set(call.outcome, (outcomes.get(call.outcome) ?? 0) + 1);
    process.stdout.write(`[soak] outcomes: ${JSON.stringify(Object.fromEntries(outcomes))}\n`);
    expect(report.calls.filter((c) => c.outcome === 'timed_out')).toEqual([]);
  });

  it('dead-lettered nothing', async () => {
    expect(report.stack.deadLetters).toEqual([]);
    expect(await storedDeadLetters(stack.jsm)).toEqual([]);
  });

  it('sent no telephony command twice, and bridged or booked no buyer twice', async () => {
    const keys = (await storedEnvelopes(stack.jsm, 'telephony')).map(
      (s) => s.envelope.telephonyCommand?.idempotencyKey,
    );
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    const bridged = (await storedEnvelopes(stack.jsm, 'handoff'))
      .map((s) => s.envelope)
      .filter((e) => e.handoffEvent?.state === v1.HandoffState.HANDOFF_STATE_BRIDGED)
      .map((e) => e.interactionId);
    expect(bridged.filter((iid, i) => bridged.indexOf(iid) !== i)).toEqual([]);
    const booked = (await storedEnvelopes(stack.jsm, 'appointment'))
      .map((s) => s.envelope)
      .filter((e) => e.appointmentEvent?.booked)
      .map((e) => e.interactionId);
    expect(booked.filter((iid, i) => booked.indexOf(iid) !== i)).toEqual([]);
    expect(bridged.length + booked.length).toBeGreaterThan(0);
  });

  it("kept every interaction's intent versions contiguous", async () => {
    const versions = new Map<string, number[]>();
    for (const { envelope } of await storedEnvelopes(stack.jsm, 'intent')) {
      const list = versions.get(envelope.interactionId) ?? [];
      list.push(envelope.intentVersion);
      versions.set(envelope.interactionId, list);
    }
    const broken = [...versions].filter(([, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return sorted.some((v, i) => v !== i + 1);
    });
    expect(broken).toEqual([]);
    expect(versions.size).toBe(CALLS * MODES.length);
  });

  it('left no closer reserved', async () => {
    // Every closer whose ledger the router wrote: warm transfers reserve, so there are some.
    const ledgers = await store.checkpoints.keys('router.ledger');
    if (MODES.includes('warm')) expect(ledgers.length).toBeGreaterThan(0);
    const held = async () => {
      const seats: string[] = [];
      for (const key of ledgers) {
        const stored = await store.checkpoints.get(key);
        if (stored === null) continue;
        const ledger = JSON.parse(new TextDecoder().decode(stored.value)) as {
          state: { reservations: { handoffId: string; status: string }[] };
        };
        for (const r of ledger.state.reservations) {
          if (r.status === 'pending' || r.status === 'accepted') {
            seats.push(`${key}:${r.handoffId}`);
          }
        }
      }
      return seats;
    };
    expect(await eventually(held, (seats) => seats.length === 0, 30_000)).toEqual([]);
  });
});
