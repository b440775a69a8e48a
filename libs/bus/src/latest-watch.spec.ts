// Closer presence as a live table, on a real nats-server.
import { EventBus } from './event-bus.js';
import {
  busOptions,
  eventually,
  provisionedServer,
  type ProvisionedServer,
} from './test/harness.js';

let server: ProvisionedServer;
const buses: EventBus[] = [];

beforeEach(async () => {
  server = await provisionedServer();
});

afterEach(async () => {
  await Promise.all(buses.splice(0).map((b) => b.close()));
  await server.stop();
});

async function bus(agent: string): Promise<EventBus> {
  const b = await EventBus.connect(busOptions(server.url, agent));
  buses.push(b);
  return b;
}

describe('EventBus.watchLatest', () => {
  it('hands over the latest presence of every closer, then every change, and catches up', async () => {
    const desk = await bus('gateway');
    await desk.publishCloserPresence({ closerId: 'c1', presence: 1, capacity: 1 });
    await desk.publishCloserPresence({ closerId: 'c2', presence: 1, capacity: 2 });
    await desk.publishCloserPresence({ closerId: 'c1', presence: 2, capacity: 1 });

    const seen: Array<[string, number]> = [];
    const router = await bus('router');
    const watch = await router.watchLatest('closer', (e) =>
      seen.push([e.closerPresence?.closerId ?? '', e.closerPresence?.presence ?? 0]),
    );
    await watch.caughtUp;
    // Only the latest of c1 (busy), not its earlier "available".
    expect(seen.sort()).toEqual([
      ['c1', 2],
      ['c2', 1],
    ]);

    await desk.publishCloserPresence({ closerId: 'c2', presence: 4, capacity: 2 });
    await eventually(
      () => seen.length,
      (n) => n === 3,
    );
    expect(seen.at(-1)).toEqual(['c2', 4]);
  });

  it('is caught up at once on an empty stream', async () => {
    const router = await bus('router');
    const watch = await router.watchLatest('closer', () => undefined);
    await expect(watch.caughtUp).resolves.toBeUndefined();
  });

  it('refuses an invalid closer id before publishing', async () => {
    const desk = await bus('gateway');
    await expect(desk.publishCloserPresence({ closerId: 'bad id' })).rejects.toThrow(/closer_id/);
  });
});
