// Crash-safe steps against a bare KV write on the same server, in the same run: what committing the
// state with its effects in one compare-and-set, then clearing them, costs per agent step.
import { connect } from '@nats-io/transport-node';
import { CheckpointedSteps, type EffectSink } from '@warmline/agent-runtime';
import { startNatsServer } from '@warmline/nats-server';
import { openKvStore, provisionKvStore } from '@warmline/store';
import { medianOf, quantile, type BenchRow } from './measure.js';

const noEffects: EffectSink = { perform: async () => undefined };

/** p50 (ms) of one step with one effect vs one bare checkpoint write. */
export async function stepBench(runs: number, count: number): Promise<BenchRow[]> {
  const server = await startNatsServer();
  const admin = await connect({ servers: server.url });
  await provisionKvStore(admin);
  const store = await openKvStore({ servers: server.url });
  const steps = new CheckpointedSteps(store.checkpoints, noEffects);
  try {
    let run = 0;
    const raw = await medianOf(runs, async () => {
      const times: number[] = [];
      let revision: number | null = null;
      const key = `bench.raw.r${++run}`;
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        revision = await store.checkpoints.put(
          key,
          new TextEncoder().encode(`{"n":${i}}`),
          revision,
        );
        times.push(performance.now() - started);
      }
      return quantile(times, 0.5);
    });
    const stepped = await medianOf(runs, async () => {
      const times: number[] = [];
      const key = `bench.step.r${++run}`;
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        await steps.run<{ n: number }, number>(key, (current) => ({
          state: { n: (current?.n ?? 0) + 1 },
          effects: [
            {
              kind: 'audit',
              record: {
                interactionId: 'bench',
                recordId: `r${run}-${i}`,
                kind: 'decision',
                at: i,
                payload: new Uint8Array(8),
              },
            },
          ],
          result: i,
        }));
        times.push(performance.now() - started);
      }
      return quantile(times, 0.5);
    });
    return [
      {
        name: 'checkpointed step (1 effect) p50',
        unit: 'ms',
        baseline: raw,
        warmline: stepped,
        higherIsBetter: false,
        note: 'one bare KV compare-and-set write',
      },
    ];
  } finally {
    await store.close();
    await admin.close();
    await server.stop();
  }
}
