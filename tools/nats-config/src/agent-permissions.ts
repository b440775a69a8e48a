// The broker's half of authority (docs/bus.md, "Authority" 1): what each agent's NATS user may
// publish and subscribe, derived from the agent table and the store's buckets so the two never drift.
import {
  AGENTS,
  PARTITIONS,
  deadLetterSubject,
  streamFor,
  streamSubjects,
  type AgentName,
  type AgentSpec,
  type Family,
} from '@warmline/contracts';
import { KV_BUCKETS, type KvBucketRole } from '@warmline/store';

/** A NATS user's permissions in the server's own terms. */
export interface SubjectPermissions {
  readonly publish: readonly string[];
  readonly subscribe: readonly string[];
}

/** KV buckets each agent writes; every agent may read every bucket. */
export const STORE_WRITES: Record<AgentName, readonly KvBucketRole[]> = {
  perception: ['checkpoints'],
  qualification: ['intentState', 'intentHistory', 'audit', 'checkpoints'],
  'escalation-governor': ['audit', 'checkpoints', 'idempotency'],
  router: ['audit', 'checkpoints', 'idempotency'],
  scheduler: ['audit', 'checkpoints', 'idempotency'],
  gateway: ['idempotency'],
  simulator: [],
};

/** The user that provisions streams and buckets: everything, on a broker no agent can reach as it. */
export const ADMIN_USER = 'admin';

/** Permissions of one agent's NATS user. */
export function agentPermissions(spec: AgentSpec): SubjectPermissions {
  const agent = spec.agent as AgentName;
  const streamsTouched = new Set<Family>([
    ...spec.publishes,
    ...spec.consumes,
    ...spec.reads,
    'dlq',
  ]);
  const publish = [
    ...spec.publishes.flatMap((family) => streamSubjects(family)),
    deadLetterSubject(agent),
    // JetStream API: whether JetStream is on, and verifying (never creating) the streams it uses.
    '$JS.API.INFO',
    ...[...streamsTouched].map((family) => `$JS.API.STREAM.INFO.${streamFor(family)}`),
    ...spec.consumes.flatMap((family) => durableConsumerApi(agent, family)),
    ...spec.reads.flatMap(readerApi),
    ...storeApi(STORE_WRITES[agent]),
  ];
  return { publish: unique(publish), subscribe: ['_INBOX.>'] };
}

/** Every agent's permissions, in table order. */
export function allAgentPermissions(): { agent: AgentName; permissions: SubjectPermissions }[] {
  return AGENTS.map((spec) => ({ agent: spec.agent, permissions: agentPermissions(spec) }));
}

// The agent's own durable partition consumers only, by name: it can neither read through another
// agent's consumer nor create, change or delete one.
function durableConsumerApi(agent: AgentName, family: Family): string[] {
  const stream = streamFor(family);
  return Array.from({ length: PARTITIONS }, (_, p) => `${agent}-${family}-p${p}`).flatMap(
    (name) => [
      `$JS.API.CONSUMER.CREATE.${stream}.${name}`,
      `$JS.API.CONSUMER.CREATE.${stream}.${name}.>`,
      `$JS.API.CONSUMER.DURABLE.CREATE.${stream}.${name}`,
      `$JS.API.CONSUMER.INFO.${stream}.${name}`,
      `$JS.API.CONSUMER.MSG.NEXT.${stream}.${name}`,
      `$JS.ACK.${stream}.${name}.>`,
    ],
  );
}

// Reading a stream without consuming it: ephemeral ordered consumers and direct message reads.
function readerApi(family: Family): string[] {
  return streamReaderApi(streamFor(family));
}

function streamReaderApi(stream: string): string[] {
  return [
    `$JS.API.CONSUMER.CREATE.${stream}`,
    `$JS.API.CONSUMER.CREATE.${stream}.*.>`,
    `$JS.API.CONSUMER.INFO.${stream}.*`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.*`,
    `$JS.API.STREAM.MSG.GET.${stream}`,
  ];
}

// Every bucket is readable (get, history, keys); only the agent's own buckets are writable.
function storeApi(writes: readonly KvBucketRole[]): string[] {
  const reads = Object.values(KV_BUCKETS).flatMap((bucket) => [
    `$JS.API.STREAM.INFO.KV_${bucket}`,
    ...streamReaderApi(`KV_${bucket}`),
  ]);
  return [...reads, ...writes.map((role) => `$KV.${KV_BUCKETS[role]}.>`)];
}

function unique(subjects: string[]): string[] {
  return [...new Set(subjects)];
}
