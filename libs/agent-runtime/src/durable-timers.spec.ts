// Durable timers on a real store: markers written and removed, a successor replica taking the
// marked interactions over, failed handlers retried, nothing firing after stop.
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { openKvStore, provisionKvStore, type WarmlineStore } from '@warmline/store';
import { eventually, sleep, startNatsServer, type NatsServer } from '@warmline/testing';
import { DURABLE_TIMER_RETRY_MS, DurableTimers } from './durable-timers.js';

let server: NatsServer;
let admin: NatsConnection;
let store: WarmlineStore;

beforeAll(async () => {
  server = await startNatsServer();
  admin = await connect({ servers: server.url });
  await provisionKvStore(admin);
  store = await openKvStore({ servers: server.url });
});

afterAll(async () => {
  await store.close();
  await admin.close();
  await server.stop();
});

/** Timers under `prefix` that record what fired; `handle` decides what a firing does. */
function timersFor(prefix: string, handle: (id: string) => Promise<void> = async () => undefined) {
  const fired: string[] = [];
  const warnings: unknown[] = [];
  const timers = new DurableTimers({
    store,
    logger: { warn: (message: unknown) => void warnings.push(message) },
    prefix,
    label: 'test tick',
    fire: async (id) => {
      fired.push(id);
      await handle(id);
    },
  });
  return { timers, fired, warnings };
}

const marked = (prefix: string) => store.checkpoints.keys(prefix);

describe('DurableTimers', () => {
  it('marks what it arms, fires it when due, and unmarks what is disarmed', async () => {
    const { timers, fired } = timersFor('t1.waiting', async (id) => {
      if (id === 'ix-1') await timers.schedule(id, null);
    });
    await timers.schedule('ix-1', Date.now() + 50);
    await timers.schedule('ix-2', Date.now() + 60_000);
    expect(await marked('t1.waiting')).toEqual(['t1.waiting.ix-1', 't1.waiting.ix-2']);
    // Marking twice is no error.
    await timers.schedule('ix-2', Date.now() + 60_000);

    await eventually(
      () => fired,
      (list) => list.includes('ix-1'),
      5_000,
    );
    await eventually(
      () => marked('t1.waiting'),
      (keys) => keys.length === 1,
      5_000,
    );
    await timers.schedule('ix-2', null);
    expect(await marked('t1.waiting')).toEqual([]);
    timers.stop();
    expect(fired).toEqual(['ix-1']);
  });

  it('lets a successor fire every interaction its predecessor left marked', async () => {
    const first = timersFor('t2.waiting');
    await first.timers.schedule('ix-a', Date.now() + 60_000);
    await first.timers.schedule('ix-b', Date.now() + 60_000);
    first.timers.stop(); // the replica dies; its markers stay

    const successor = timersFor('t2.waiting', (id) => successor.timers.schedule(id, null));
    await successor.timers.resume();
    await eventually(
      () => successor.fired,
      (list) => list.length === 2,
      5_000,
    );
    expect([...successor.fired].sort()).toEqual(['ix-a', 'ix-b']);
    expect(first.fired).toEqual([]);
    await eventually(
      () => marked('t2.waiting'),
      (keys) => keys.length === 0,
      5_000,
    );
    successor.timers.stop();
  });

  it('retries a handler that failed, saying so, and fires nothing once stopped', async () => {
    let failures = 1;
    const { timers, fired, warnings } = timersFor('t3.waiting', async (id) => {
      if (failures-- > 0) throw new Error('store unavailable');
      await timers.schedule(id, null);
    });
    const started = Date.now();
    await timers.schedule('ix-r', started);
    await eventually(
      () => fired,
      (list) => list.length === 2,
      5_000,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(DURABLE_TIMER_RETRY_MS - 50);
    expect(warnings).toEqual([
      { msg: 'test tick failed; retrying', interactionId: 'ix-r', err: 'Error: store unavailable' },
    ]);

    await timers.schedule('ix-s', Date.now() + 100);
    timers.stop();
    await sleep(300);
    expect(fired).toEqual(['ix-r', 'ix-r']);
    expect(await marked('t3.waiting')).toEqual(['t3.waiting.ix-s']);
  });
});
