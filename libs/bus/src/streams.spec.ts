import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import { FAMILIES } from '@warmline/contracts';
import { startNatsServer } from '@warmline/testing';
import { StreamsNotReadyError } from './errors.js';
import { provisionStreams, streamConfig, verifyStreams } from './streams.js';

let server: Awaited<ReturnType<typeof startNatsServer>>;
let nc: NatsConnection;
let jsm: JetStreamManager;

beforeEach(async () => {
  server = await startNatsServer();
  nc = await connect({ servers: server.url });
  jsm = await jetstreamManager(nc);
});

afterEach(async () => {
  await nc.close();
  await server.stop();
});

const streamNames = FAMILIES.map((f) => f.stream);

describe('provisionStreams', () => {
  it('creates one file-backed stream per family with a 2-minute de-duplication window, once', async () => {
    const first = await provisionStreams(jsm);
    const second = await provisionStreams(jsm);

    expect([...first.created].sort()).toEqual([...streamNames].sort());
    expect(second).toEqual({ created: [], updated: [], unchanged: first.created });
    const signal = await jsm.streams.info('WL_SIGNAL');
    expect(signal.config).toMatchObject({
      subjects: ['wl.signal.>'],
      storage: 'file',
      duplicate_window: nanos(120_000),
      num_replicas: 1,
    });
    expect((await jsm.streams.info('WL_DEADLETTER')).config.subjects).toEqual(['wl.dlq.*']);
  });

  it('brings a drifted stream back to its declaration', async () => {
    await provisionStreams(jsm);
    await jsm.streams.update('WL_INTENT', { subjects: ['wl.intent.>', 'legacy.intent.>'] });
    const report = await provisionStreams(jsm);
    expect(report.updated).toEqual(['WL_INTENT']);
    expect((await jsm.streams.info('WL_INTENT')).config.subjects).toEqual(['wl.intent.>']);
  });

  it('refuses an impossible replica count', () => {
    expect(() => streamConfig('signal', { replicas: 0 })).toThrow(/replicas/);
  });
});

describe('verifyStreams', () => {
  it('passes when the needed streams exist as declared', async () => {
    await provisionStreams(jsm);
    await expect(verifyStreams(jsm, ['signal', 'intent', 'dlq'])).resolves.toBeUndefined();
  });

  it('names every missing or different stream and changes nothing', async () => {
    await provisionStreams(jsm);
    await jsm.streams.delete('WL_SIGNAL');
    await jsm.streams.update('WL_INTENT', { subjects: ['wl.intent.*'] });

    const error = await verifyStreams(jsm, ['signal', 'intent', 'dlq']).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StreamsNotReadyError);
    expect((error as StreamsNotReadyError).problems).toEqual([
      { stream: 'WL_SIGNAL', problem: 'missing' },
      { stream: 'WL_INTENT', problem: 'subjects are [wl.intent.*], expected [wl.intent.>]' },
    ]);
    await expect(jsm.streams.info('WL_SIGNAL')).rejects.toThrow(/not found/);
    expect((await jsm.streams.info('WL_INTENT')).config.subjects).toEqual(['wl.intent.*']);
  });
});
