// The provisioning job of a deployment against a real 3-node cluster with deploy/nats's users:
// every stream and bucket replicated three times, and a second run changes nothing.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { FAMILIES } from '@warmline/contracts';
import { KV_BUCKETS } from '@warmline/store';
import { startNatsCluster, workspaceRoot, type NatsCluster } from '@warmline/testing';

const run = promisify(execFile);
let cluster: NatsCluster;

beforeAll(async () => {
  cluster = await startNatsCluster({ size: 3, auth: true });
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
});

async function provisionJob(): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [join(workspaceRoot(), 'apps/provision/dist/main.js')],
    {
      env: {
        PATH: process.env['PATH'] ?? '',
        NATS_URL: cluster.urls.join(','),
        WL_NATS_PASSWORD_ADMIN: cluster.credentials('admin').pass,
        WARMLINE_JETSTREAM_REPLICAS: '3',
      },
    },
  );
  return stdout;
}

describe('provision job (separate process, 3-node cluster)', () => {
  it('creates every stream and KV bucket with three replicas, idempotently', async () => {
    const first = await provisionJob();
    expect(first).toContain('"streamsCreated":12');
    const nc = await connect({ servers: [...cluster.urls], ...cluster.credentials('admin') });
    try {
      const jsm = await jetstreamManager(nc);
      for (const { stream } of FAMILIES) {
        expect([stream, (await jsm.streams.info(stream)).config.num_replicas]).toEqual([stream, 3]);
      }
      for (const bucket of Object.values(KV_BUCKETS)) {
        expect((await jsm.streams.info(`KV_${bucket}`)).config.num_replicas).toBe(3);
      }
    } finally {
      await nc.close();
    }
    const second = await provisionJob();
    expect(second).toContain('"streamsCreated":0');
    expect(second).toContain('"bucketsCreated":0');
  });

  it('fails clearly without the admin password', async () => {
    await expect(
      run(process.execPath, [join(workspaceRoot(), 'apps/provision/dist/main.js')], {
        env: { PATH: process.env['PATH'] ?? '', NATS_URL: cluster.urls[0]! },
      }),
    ).rejects.toMatchObject({
      stdout: expect.stringContaining('WL_NATS_PASSWORD_ADMIN: is required'),
    });
  });
});
