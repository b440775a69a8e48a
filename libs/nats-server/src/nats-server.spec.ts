import { existsSync } from 'node:fs';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { freePort } from './free-port.js';
import { startNatsServer, type NatsServer } from './nats-server.js';

describe('startNatsServer', () => {
  const started: NatsServer[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.stop()));
  });

  it('runs JetStream on its own free loopback port and removes everything on stop', async () => {
    const [a, b] = await Promise.all([startNatsServer(), startNatsServer()]);
    started.push(a!, b!);
    expect(a!.port).not.toBe(b!.port);
    const nc = await connect({ servers: a!.url });
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: 'HARNESS', subjects: ['harness.>'] });
    await jetstream(nc).publish('harness.one', 'x');
    expect((await jsm.streams.info('HARNESS')).state.messages).toBe(1);
    await nc.close();

    await a!.stop();
    expect(existsSync(a!.dir)).toBe(false);
    await expect(connect({ servers: a!.url, reconnect: false, timeout: 1_000 })).rejects.toThrow();
  });

  it('keeps the JetStream store across a SIGKILL and a restart on the same port', async () => {
    const server = await startNatsServer();
    started.push(server);
    let nc = await connect({ servers: server.url });
    await (await jetstreamManager(nc)).streams.add({ name: 'KEEP', subjects: ['keep.>'] });
    await jetstream(nc).publish('keep.a', 'before the crash');
    await nc.close();

    await server.kill();
    await server.restart();

    nc = await connect({ servers: server.url });
    const stored = await (await jetstreamManager(nc)).streams.getMessage('KEEP', { seq: 1 });
    expect(stored?.string()).toBe('before the crash');
    await nc.close();
  });

  it('fails with the server output when nats-server cannot start', async () => {
    const port = await freePort();
    const holder = await startNatsServer({ port });
    started.push(holder);
    await expect(startNatsServer({ port })).rejects.toThrow(
      /exited during start-up[\s\S]*address already in use/,
    );
  });

  it('with auth, hands out per-agent credentials and refuses anonymous clients', async () => {
    const server = await startNatsServer({ auth: true });
    started.push(server);
    const { user, pass } = server.credentials('router');
    const nc = await connect({ servers: server.url, user, pass });
    expect(nc.info?.server_name).toBe(server.name);
    await nc.close();
    await expect(connect({ servers: server.url, reconnect: false })).rejects.toThrow(
      /Authorization/i,
    );
    expect(() => server.credentials('mallory')).toThrow(/no NATS user "mallory"/);
  });
});
