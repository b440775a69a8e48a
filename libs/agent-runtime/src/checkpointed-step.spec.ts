// Checkpointed steps on a real store: commit, crash between commit and effects, concurrent replicas.
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { openKvStore, provisionKvStore, type WarmlineStore } from '@warmline/store';
import { startNatsServer, type NatsServer } from '@warmline/testing';
import { CheckpointedSteps, type Decide, type StepObserver } from './checkpointed-step.js';
import type { Effect, EffectSink } from './effects.js';

let server: NatsServer;
let admin: NatsConnection;
const stores: WarmlineStore[] = [];

beforeAll(async () => {
  server = await startNatsServer();
  admin = await connect({ servers: server.url });
  await provisionKvStore(admin);
});

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await admin.close();
  await server.stop();
});

async function store(): Promise<WarmlineStore> {
  const s = await openKvStore({ servers: server.url });
  stores.push(s);
  return s;
}

/** Records audit effects it performs; fails the first `failures` calls (a crash mid-effects). */
class RecordingSink implements EffectSink {
  readonly performed: string[] = [];
  constructor(private failures = 0) {}
  async perform(effect: Effect): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('process killed');
    }
    if (effect.kind === 'audit') this.performed.push(effect.record.recordId);
  }
}

type Counter = { n: number };

/** Remembers the audit record ids of every step reported to it. */
class ReportedSteps implements StepObserver {
  readonly reported: string[][] = [];
  onEffectsPerformed(_key: string, effects: readonly Effect[]): void {
    this.reported.push(effects.map((e) => (e.kind === 'audit' ? e.record.recordId : e.kind)));
  }
}

const audit = (id: string): Effect => ({
  kind: 'audit',
  record: {
    interactionId: 'i-1',
    recordId: id,
    kind: 'decision',
    at: 1,
    payload: new Uint8Array([1]),
  },
});

const increment: Decide<Counter, number> = (current) => {
  const n = (current?.n ?? 0) + 1;
  return { state: { n }, effects: [audit(`step-${n}`), audit(`step-${n}-b`)], result: n };
};

let key = 0;
const nextKey = () => `test.counter.k${++key}`;

describe('CheckpointedSteps', () => {
  it('commits the state and performs its effects in order, once', async () => {
    const sink = new RecordingSink();
    const steps = new CheckpointedSteps((await store()).checkpoints, sink);
    const k = nextKey();
    expect(await steps.run(k, increment)).toBe(1);
    expect(await steps.run(k, increment)).toBe(2);
    expect(sink.performed).toEqual(['step-1', 'step-1-b', 'step-2', 'step-2-b']);
    expect((await steps.read(k))?.checkpoint).toEqual({ state: { n: 2 }, effects: [] });
  });

  it('changes nothing when the decision returns null', async () => {
    const steps = new CheckpointedSteps((await store()).checkpoints, new RecordingSink());
    const k = nextKey();
    expect(await steps.run(k, () => null)).toBeNull();
    expect(await steps.read(k)).toBeNull();
  });

  it('after a crash between commit and effects, a restarted agent performs them before deciding again', async () => {
    const k = nextKey();
    const crashing = new CheckpointedSteps((await store()).checkpoints, new RecordingSink(1));
    await expect(crashing.run(k, increment)).rejects.toThrow('process killed');
    // The state and its effects are committed; the effects did not happen.
    expect((await crashing.read(k))?.checkpoint.effects).toHaveLength(2);

    const sink = new RecordingSink();
    const restarted = new CheckpointedSteps((await store()).checkpoints, sink);
    // Redelivery of the same message: its decision is already in the state, so it decides "no change".
    const redelivered: Decide<Counter, number> = (current) =>
      current?.n === 1 ? null : increment(current);
    expect(await restarted.run(k, redelivered)).toBeNull();
    expect(sink.performed).toEqual(['step-1', 'step-1-b']);
    expect((await restarted.read(k))?.checkpoint).toEqual({ state: { n: 1 }, effects: [] });
  });

  it('applies every decision exactly once when replicas race on one key', async () => {
    const k = nextKey();
    const sinks = [new RecordingSink(), new RecordingSink()];
    const replicas = await Promise.all(
      sinks.map(async (sink) => new CheckpointedSteps((await store()).checkpoints, sink)),
    );
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => replicas[i % 2]!.run(k, increment)),
    );
    expect([...results].sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    expect((await replicas[0]!.read(k))?.checkpoint.state).toEqual({ n: 12 });
    const performed = new Set(sinks.flatMap((s) => s.performed));
    for (let n = 1; n <= 12; n++) expect(performed.has(`step-${n}`)).toBe(true);
  });

  it('reports each step once its effects are done, and a crashed step once, by its successor', async () => {
    const k = nextKey();
    const crashing = new CheckpointedSteps((await store()).checkpoints, new RecordingSink(1));
    const beforeCrash = crashing.observe(new ReportedSteps());
    await expect(crashing.run(k, increment)).rejects.toThrow('process killed');
    expect(beforeCrash.reported).toEqual([]);

    const restarted = new CheckpointedSteps((await store()).checkpoints, new RecordingSink());
    const afterRestart = restarted.observe(new ReportedSteps());
    const redelivered: Decide<Counter, number> = (current) =>
      current?.n === 1 ? null : increment(current);
    expect(await restarted.run(k, redelivered)).toBeNull();
    expect(await restarted.run(k, redelivered)).toBeNull();
    expect(await restarted.run(k, increment)).toBe(2);
    expect(await restarted.run(k, () => ({ state: { n: 2 }, effects: [], result: 0 }))).toBe(0);
    expect(afterRestart.reported).toEqual([
      ['step-1', 'step-1-b'],
      ['step-2', 'step-2-b'],
    ]);
  });

  it('reports every step exactly once across racing replicas, and survives a throwing observer', async () => {
    const k = nextKey();
    const observers = [new ReportedSteps(), new ReportedSteps()];
    const replicas = await Promise.all(
      observers.map(async (observer) => {
        const steps = new CheckpointedSteps((await store()).checkpoints, new RecordingSink());
        steps.observe({
          onEffectsPerformed: () => {
            throw new Error('broken observer');
          },
        });
        steps.observe(observer);
        return steps;
      }),
    );
    await Promise.all(Array.from({ length: 8 }, (_, i) => replicas[i % 2]!.run(k, increment)));
    const reported = observers.flatMap((o) => o.reported.map((ids) => ids[0]));
    expect(reported.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `step-${i + 1}`).sort());
  });
});
