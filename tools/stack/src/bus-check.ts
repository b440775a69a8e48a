// A smoke test of a provisioned broker: every agent connects as its own user, consumes its families
// through its durable consumers, receives one event from each family's publisher, and is refused
// when it publishes a family it does not own. Run only on a broker this process started.
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { EventBus, type EnvelopeHandler } from '@warmline/bus';
import {
  AGENTS,
  agentScopes,
  encodeEnvelope,
  subjectFor,
  type AgentName,
  type AgentSpec,
  type InteractionFamily,
} from '@warmline/contracts';
import type { StackBroker } from '@warmline/stack';

/** One agent's row of the check. */
export interface AgentCheck {
  readonly agent: AgentName;
  readonly consumed: string;
  readonly refusedForeignPublish: boolean;
}

const CHECK_TIMEOUT_MS = 10_000;

const SAMPLE_BODIES: Record<InteractionFamily, Record<string, unknown>> = {
  perception: { perceptionEvent: { silence: { durationMs: 1 } } },
  signal: { signal: { signalId: 'self-check' } },
  intent: { intentStateChanged: {} },
  decision: { escalationDecision: {} },
  handoff: { handoffEvent: {} },
  telephony: { telephonyCommand: {} },
  callprogress: { callProgress: {} },
  reservation: { reservationResponse: {} },
  appointment: { appointmentEvent: {} },
  schedule: { appointmentChangeRequest: { requestId: 'self-check' } },
};

/** Runs the check for every agent of the table. */
export async function checkBus(broker: StackBroker): Promise<AgentCheck[]> {
  const interactionId = `self-check-${Date.now().toString(36)}`;
  const buses = new Map<AgentName, EventBus>();
  const received = new Map<AgentName, Set<string>>();
  try {
    for (const spec of AGENTS) {
      const bus = await EventBus.connect({
        servers: broker.url,
        agent: spec.agent,
        instance: 'self-check',
        ...broker.credentials(spec.agent),
        scopes: agentScopes(spec.agent),
        logger: { log: ignore, warn: ignore, error: ignore },
      });
      buses.set(spec.agent, bus);
      const seen = new Set<string>();
      received.set(spec.agent, seen);
      const record: EnvelopeHandler = (envelope) => void seen.add(envelope.eventId);
      await bus.consume(new Map(spec.consumes.map((family) => [family, record] as const)));
    }
    const expected = await publishOnePerFamily(buses, interactionId);
    await waitUntilReceived(received, expected);
    const rows: AgentCheck[] = [];
    for (const spec of AGENTS) {
      rows.push({
        agent: spec.agent,
        consumed: spec.consumes.join(', '),
        refusedForeignPublish: await foreignPublishRefused(broker, spec, interactionId),
      });
    }
    return rows;
  } finally {
    await Promise.all([...buses.values()].map((bus) => bus.close()));
  }
}

async function publishOnePerFamily(
  buses: Map<AgentName, EventBus>,
  interactionId: string,
): Promise<Map<AgentName, string[]>> {
  const expected = new Map<AgentName, string[]>();
  for (const consumer of AGENTS) {
    for (const family of consumer.consumes) {
      const publisher = AGENTS.find((a) => (a.publishes as readonly string[]).includes(family));
      if (!publisher) throw new Error(`no agent publishes ${family}`);
      const bus = buses.get(publisher.agent);
      if (!bus) throw new Error(`${publisher.agent} is not connected`);
      const receipt = await bus.publish(family, interactionId, {
        sequence: 1,
        ...SAMPLE_BODIES[family],
      });
      expected.set(consumer.agent, [...(expected.get(consumer.agent) ?? []), receipt.eventId]);
    }
  }
  return expected;
}

async function waitUntilReceived(
  received: Map<AgentName, Set<string>>,
  expected: Map<AgentName, string[]>,
): Promise<void> {
  const deadline = Date.now() + CHECK_TIMEOUT_MS;
  const missing = () =>
    [...expected].flatMap(([agent, ids]) =>
      ids.filter((id) => !received.get(agent)?.has(id)).map((id) => `${agent} ← ${id}`),
    );
  while (missing().length > 0) {
    if (Date.now() > deadline) throw new Error(`events not delivered: ${missing().join('; ')}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function foreignPublishRefused(
  broker: StackBroker,
  spec: AgentSpec,
  interactionId: string,
): Promise<boolean> {
  const foreign = (Object.keys(SAMPLE_BODIES) as InteractionFamily[]).find(
    (family) => !(spec.publishes as readonly string[]).includes(family),
  );
  if (foreign === undefined) return true;
  const nc = await connect({ servers: broker.url, ...broker.credentials(spec.agent) });
  try {
    const bytes = encodeEnvelope({
      eventId: `forged-${spec.agent}`,
      interactionId,
      ...SAMPLE_BODIES[foreign],
    });
    await jetstream(nc, { timeout: 2_000 }).publish(subjectFor(foreign, interactionId), bytes);
    return false;
  } catch (err) {
    return /permissions violation/i.test(String(err));
  } finally {
    await nc.close();
  }
}

function ignore(): void {
  return undefined;
}
