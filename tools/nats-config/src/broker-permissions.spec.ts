// deploy/nats/users.conf on a real nats-server: every agent can do its job through the real bus and
// store with only its own user, and the broker refuses what belongs to another agent.
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  EventBus,
  provisionStreams,
  type EnvelopeHandler,
  type EventBusOptions,
} from '@warmline/bus';
import {
  AGENTS,
  agentScopes,
  encodeEnvelope,
  subjectFor,
  type AgentName,
  type InteractionFamily,
} from '@warmline/contracts';
import { openKvStore, provisionKvStore, type WarmlineStore } from '@warmline/store';
import { startNatsServer, type NatsServer } from '@warmline/testing';

let server: NatsServer;
const ignore = (): void => undefined;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  server = await startNatsServer({ auth: true });
  const admin = await connect({ servers: server.url, ...creds('admin') });
  await provisionStreams(await jetstreamManager(admin));
  await provisionKvStore(admin);
  await admin.close();
});

afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

afterAll(async () => {
  await server.stop();
});

function creds(user: string) {
  const { user: name, pass } = server.credentials(user);
  return { user: name, pass };
}

async function agentConnection(agent: AgentName): Promise<NatsConnection> {
  const nc = await connect({ servers: server.url, ...creds(agent) });
  closers.push(() => nc.close());
  return nc;
}

async function agentBus(agent: AgentName): Promise<EventBus> {
  const options: EventBusOptions = {
    servers: server.url,
    agent,
    instance: `${agent}-1`,
    ...creds(agent),
    scopes: agentScopes(agent),
    retry: { maxDeliver: 2, backoffMs: [50] },
    shutdownGraceMs: 500,
    logger: { log: ignore, warn: ignore, error: ignore },
  };
  const bus = await EventBus.connect(options);
  closers.push(() => bus.close());
  return bus;
}

async function agentStore(agent: AgentName): Promise<WarmlineStore> {
  const store = await openKvStore({ servers: server.url, connection: creds(agent) });
  closers.push(() => store.close());
  return store;
}

/** An interaction event of `family` as its legitimate publisher would send it. */
function bodyOf(family: InteractionFamily): Record<string, unknown> {
  const bodies: Record<InteractionFamily, Record<string, unknown>> = {
    perception: { perceptionEvent: { hangUp: { by: 1 } } },
    signal: { signal: { signalId: 'sig-1' } },
    intent: { intentStateChanged: {} },
    decision: { escalationDecision: {} },
    handoff: { handoffEvent: {} },
    telephony: { telephonyCommand: {} },
    callprogress: { callProgress: {} },
    reservation: { reservationResponse: {} },
    appointment: { appointmentEvent: {} },
    schedule: { appointmentChangeRequest: { requestId: 'r-1' } },
  };
  return bodies[family];
}

const interactionFamiliesPublished = (agent: AgentName) =>
  AGENTS.find((a) => a.agent === agent)!.publishes.filter(
    (f): f is InteractionFamily => f !== 'closer' && f !== 'dlq',
  );

describe('deploy/nats/users.conf on a real broker', () => {
  it.each(AGENTS.map((a) => [a.agent, a.consumes] as const))(
    '%s consumes its families through its own durable consumers',
    async (agent, families) => {
      const seen: string[] = [];
      const handler: EnvelopeHandler = (envelope) => void seen.push(envelope.eventId);
      const bus = await agentBus(agent);
      await bus.consume(new Map(families.map((f) => [f, handler] as const)));
      expect(bus.health()).toMatchObject({ consumersRunning: 16 * families.length });

      for (const family of families) {
        const producer = AGENTS.find((a) =>
          (a.publishes as readonly string[]).includes(family),
        )!.agent;
        const receipt = await (
          await agentBus(producer)
        ).publish(family, `iid-${agent}`, {
          ...bodyOf(family),
        });
        await waitFor(() => seen.includes(receipt.eventId));
      }
    },
  );

  it.each(AGENTS.map((a) => a.agent))(
    '%s may not publish any family it does not own (the broker refuses)',
    async (agent) => {
      const nc = await agentConnection(agent);
      const js = jetstream(nc, { timeout: 2_000 });
      const owned = new Set<string>(interactionFamiliesPublished(agent));
      const foreign = (
        [
          'perception',
          'signal',
          'intent',
          'decision',
          'handoff',
          'telephony',
          'callprogress',
          'reservation',
          'appointment',
          'schedule',
        ] as InteractionFamily[]
      ).filter((f) => !owned.has(f));
      for (const family of foreign) {
        const bytes = encodeEnvelope({
          eventId: `forged-${agent}-${family}`,
          interactionId: 'victim',
          ...bodyOf(family),
        });
        await expect(js.publish(subjectFor(family, 'victim'), bytes)).rejects.toThrow(
          /permissions violation/i,
        );
      }
      await expect(js.publish('wl.dlq.someone-else', new Uint8Array([1]))).rejects.toThrow(
        /permissions violation/i,
      );
    },
  );

  it("refuses an agent using or deleting another agent's consumer, or creating streams", async () => {
    await (
      await agentBus('qualification')
    ).consume(new Map([['signal', ignore as EnvelopeHandler]]));
    const nc = await agentConnection('router');
    const jsm = await jetstreamManager(nc, { timeout: 2_000 });
    await expect(jsm.consumers.info('WL_SIGNAL', 'qualification-signal-p0')).rejects.toThrow(
      /permissions violation/i,
    );
    await expect(jsm.consumers.delete('WL_DECISION', 'scheduler-decision-p0')).rejects.toThrow(
      /permissions violation/i,
    );
    await expect(jsm.streams.add({ name: 'ROGUE', subjects: ['rogue.>'] })).rejects.toThrow(
      /permissions violation/i,
    );
    await expect(jsm.streams.delete('WL_SIGNAL')).rejects.toThrow(/permissions violation/i);
  });

  it('lets each agent write only its own KV buckets', async () => {
    const router = await agentStore('router');
    expect(await router.idempotency.claim('transfer.g-1', 'router-1', 1)).toEqual({
      claimed: true,
    });
    await expect(router.intents.create(intentStateFor('perm-1'))).rejects.toThrow(
      /permissions violation/i,
    );
    const qualification = await agentStore('qualification');
    await qualification.intents.create(intentStateFor('perm-1'));
    // Reading is open to every agent.
    expect((await router.intents.get('perm-1'))?.version).toBe(1);
  });
});

function intentStateFor(interactionId: string) {
  return { interactionId, version: 1 } as Parameters<WarmlineStore['intents']['create']>[0];
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
