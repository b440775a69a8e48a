import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { startNatsCluster, type NatsCluster } from './nats-cluster.js';

describe('startNatsCluster', () => {
  let cluster: NatsCluster | undefined;
  let nc: NatsConnection | undefined;
  afterEach(async () => {
    await nc?.close();
    nc = undefined;
    await cluster?.stop();
    cluster = undefined;
  });

  it('runs a 3-node JetStream cluster whose R3 stream survives losing a node', async () => {
    cluster = await startNatsCluster({ size: 3, auth: true });
    const admin = cluster.credentials('admin');
    nc = await connect({ servers: [...cluster.urls], user: admin.user, pass: admin.pass });
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.add({
      name: 'REPLICATED',
      subjects: ['rep.>'],
      num_replicas: 3,
    });
    expect(info.config.num_replicas).toBe(3);
    await jetstream(nc).publish('rep.1', 'one');

    // Lose a node that is neither the stream leader nor the one this client is connected to.
    const connectedTo = nc.info?.server_name;
    const follower = cluster.nodes.find(
      (n) => n.name !== info.cluster?.leader && n.name !== connectedTo,
    )!;
    await follower.kill();
    await jetstream(nc).publish('rep.2', 'two');
    expect((await jsm.streams.info('REPLICATED')).state.messages).toBe(2);
  }, 60_000);
});
