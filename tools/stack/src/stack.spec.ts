// The local stack's own steps against a real broker: start it with deploy/nats's users, provision,
// self-check — what `npm start` does — and the clear refusal of an incomplete NATS_URL set-up.
import { AGENTS } from '@warmline/contracts';
import { openBroker, provision, type StackBroker } from '@warmline/stack';
import { checkBus } from './bus-check.js';

describe('the local stack', () => {
  let broker: StackBroker | undefined;
  afterEach(async () => {
    await broker?.stop();
    broker = undefined;
  });

  it('starts a broker, provisions it idempotently, and passes the bus self-check for every agent', async () => {
    broker = await openBroker({});
    expect(broker.owned).toBe(true);
    expect(await provision(broker)).toEqual({
      streamsCreated: 12,
      streamsUnchanged: 0,
      bucketsCreated: 5,
      bucketsExisting: 0,
    });
    expect(await provision(broker)).toMatchObject({ streamsCreated: 0, bucketsCreated: 0 });
    const rows = await checkBus(broker);
    expect(rows.map((r) => r.agent)).toEqual(AGENTS.map((a) => a.agent));
    expect(rows.every((r) => r.refusedForeignPublish)).toBe(true);
  }, 60_000);

  it('names the missing password variable when bound to NATS_URL', async () => {
    const external = await openBroker({ NATS_URL: 'nats://127.0.0.1:4222' });
    expect(external.owned).toBe(false);
    expect(() => external.credentials('escalation-governor')).toThrow(
      /WL_NATS_PASSWORD_ESCALATION_GOVERNOR must hold escalation-governor's password/,
    );
  });
});
