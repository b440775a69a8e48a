// The bus against bare JetStream on the same nats-server, in the same run: what Warmline's envelope,
// authority check, partitioned ordered delivery and settlement cost on top of publish → consume.
import { jetstream, jetstreamManager, AckPolicy, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { EventBus, provisionStreams, type EnvelopeHandler } from '@warmline/bus';
import { FAMILIES, type InteractionFamily } from '@warmline/contracts';
import { startNatsServer, type NatsServer } from '@warmline/nats-server';
import { medianOf, quantile, type BenchRow } from './measure.js';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const scopes = FAMILIES.map((f) => f.scope);

interface Rig {
  readonly server: NatsServer;
  readonly nc: NatsConnection;
  readonly jsm: JetStreamManager;
}

async function rig(): Promise<Rig> {
  const server = await startNatsServer();
  const nc = await connect({ servers: server.url });
  const jsm = await jetstreamManager(nc);
  await provisionStreams(jsm);
  await jsm.streams.add({ name: 'BENCH_RAW', subjects: ['bench.raw.>', 'bench.lat.>'] });
  return { server, nc, jsm };
}

/** Messages per second through bare JetStream: async publish, one pull consumer acking each. */
async function rawThroughput(r: Rig, count: number, run: number): Promise<number> {
  const name = `raw-${run}`;
  await r.jsm.consumers.add('BENCH_RAW', {
    durable_name: name,
    ack_policy: AckPolicy.Explicit,
    filter_subject: `bench.raw.${run}.>`,
  });
  const js = jetstream(r.nc);
  const consumer = await js.consumers.get('BENCH_RAW', name);
  const started = performance.now();
  const done = (async () => {
    let seen = 0;
    const messages = await consumer.consume();
    for await (const m of messages) {
      m.ack();
      if (++seen === count) break;
    }
  })();
  const acks = [];
  for (let i = 0; i < count; i++)
    acks.push(js.publish(`bench.raw.${run}.i${i % 64}`, new Uint8Array(180)));
  await Promise.all(acks);
  await done;
  return count / ((performance.now() - started) / 1000);
}

/** Messages per second through the bus: envelopes on 64 interactions, 16 partition consumers. */
async function busThroughput(r: Rig, count: number, run: number): Promise<number> {
  const family: InteractionFamily = 'signal';
  // Each run's new consumers start at the stream's beginning: only this run's messages may be there.
  await r.jsm.streams.purge('WL_SIGNAL');
  let seen = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const handler: EnvelopeHandler = () => {
    if (++seen === count) finish();
  };
  const consumer = await EventBus.connect({
    servers: r.server.url,
    agent: `bench${run}`,
    instance: 'c',
    scopes,
    logger: quiet,
  });
  const producer = await EventBus.connect({
    servers: r.server.url,
    agent: 'benchp',
    instance: 'p',
    scopes,
    logger: quiet,
  });
  await consumer.consume(new Map([[family, handler]]));
  const started = performance.now();
  const receipts = [];
  for (let i = 0; i < count; i++) {
    receipts.push(
      producer.publish(family, `run${run}-i${i % 64}`, {
        sequence: i + 1,
        signal: { signalId: `s${i}` },
      }),
    );
  }
  await Promise.all(receipts);
  await finished;
  const rate = count / ((performance.now() - started) / 1000);
  await Promise.all([consumer.close(), producer.close()]);
  return rate;
}

/** p50 of publish → handled round trips, one at a time (ms): bus vs bare core NATS request-free path. */
async function busLatency(
  r: Rig,
  count: number,
  run: number,
): Promise<{ bus: number; raw: number }> {
  await r.jsm.streams.purge('WL_INTENT');
  let resolveNext: () => void = () => undefined;
  const handler: EnvelopeHandler = () => resolveNext();
  const consumer = await EventBus.connect({
    servers: r.server.url,
    agent: `lat${run}`,
    instance: 'c',
    scopes,
    logger: quiet,
  });
  const producer = await EventBus.connect({
    servers: r.server.url,
    agent: 'latp',
    instance: 'p',
    scopes,
    logger: quiet,
  });
  await consumer.consume(new Map([['intent' as InteractionFamily, handler]]));
  const bus: number[] = [];
  for (let i = 0; i < count; i++) {
    const handled = new Promise<void>((resolve) => (resolveNext = resolve));
    const started = performance.now();
    await producer.publish('intent', `lat${run}-i${i % 16}`, {
      sequence: i + 1,
      intentStateChanged: {},
    });
    await handled;
    bus.push(performance.now() - started);
  }
  await Promise.all([consumer.close(), producer.close()]);
  const js = jetstream(r.nc);
  const name = `rawlat-${run}`;
  await r.jsm.consumers.add('BENCH_RAW', {
    durable_name: name,
    ack_policy: AckPolicy.Explicit,
    filter_subject: `bench.lat.${run}.>`,
  });
  // Consumed as the bus consumes: a loop over consume(), each message acked and announced.
  let delivered: () => void = () => undefined;
  const messages = await (await js.consumers.get('BENCH_RAW', name)).consume();
  const loop = (async () => {
    for await (const m of messages) {
      m.ack();
      delivered();
    }
  })();
  const raw: number[] = [];
  for (let i = 0; i < count; i++) {
    const arrived = new Promise<void>((resolve) => (delivered = resolve));
    const started = performance.now();
    await js.publish(`bench.lat.${run}.x`, new Uint8Array(180));
    await arrived;
    raw.push(performance.now() - started);
  }
  await messages.close();
  await loop;
  return { bus: quantile(bus, 0.5), raw: quantile(raw, 0.5) };
}

/** Throughput and latency rows, each the median of `runs` runs against one local nats-server. */
export async function busBench(runs: number, count: number): Promise<BenchRow[]> {
  const r = await rig();
  try {
    let run = 0;
    const raw = await medianOf(runs, () => rawThroughput(r, count, ++run));
    const bus = await medianOf(runs, () => busThroughput(r, count, ++run));
    const latencies: { bus: number; raw: number }[] = [];
    await medianOf(runs, async () => {
      const l = await busLatency(r, Math.max(50, Math.floor(count / 20)), ++run);
      latencies.push(l);
      return l.bus;
    });
    const sorted = latencies.slice(1).sort((a, b) => a.bus - b.bus);
    const mid = sorted[Math.floor(sorted.length / 2)]!;
    return [
      {
        name: 'publish → handled throughput',
        unit: 'msg/s',
        baseline: raw,
        warmline: bus,
        higherIsBetter: true,
        note: 'JetStream publish + pull consume + ack',
      },
      {
        name: 'publish → handled latency p50',
        unit: 'ms',
        baseline: mid.raw,
        warmline: mid.bus,
        higherIsBetter: false,
        note: 'the same, one message at a time',
      },
    ];
  } finally {
    await r.nc.close();
    await r.server.stop();
  }
}
