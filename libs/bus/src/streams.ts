// The one declaration of Warmline's JetStream streams (docs/bus.md). The provisioning step creates
// them as admin; agents only verify them, so no service ever rewrites stream config at start-up.
import {
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
  type StreamInfo,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { FAMILIES, streamFor, streamSubjects, type Family } from '@warmline/contracts';
import { DUPLICATE_WINDOW_MS, STREAM_REPLICAS } from './constants.js';
import { InvalidBusOptionsError, StreamsNotReadyError, type StreamProblem } from './errors.js';

/** What the provisioning step may vary per deployment. */
export interface StreamProvisioningOptions {
  /** JetStream replicas per stream: 1 on one machine, 3 in a production cluster. */
  readonly replicas?: number;
}

/** What `provisionStreams` did, per stream name. */
export interface StreamProvisioningReport {
  readonly created: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: readonly string[];
}

/** Every family on the bus, in the order of docs/bus.md. */
export const ALL_FAMILIES: readonly Family[] = FAMILIES.map((spec) => spec.family);

/** Name of the stream that stores a family (`WL_SIGNAL`, …). */
export function streamName(family: Family): string {
  return streamFor(family);
}

/** The full declared configuration of one family's stream. */
export function streamConfig(
  family: Family,
  options: StreamProvisioningOptions = {},
): Partial<StreamConfig> & { name: string } {
  const replicas = options.replicas ?? STREAM_REPLICAS;
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > 5) {
    throw new InvalidBusOptionsError(`replicas must be an integer from 1 to 5, got ${replicas}`);
  }
  return {
    name: streamName(family),
    subjects: streamSubjects(family),
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    num_replicas: replicas,
  };
}

/**
 * Creates every declared stream that is missing and brings drifted ones back to the declaration.
 * Idempotent; meant for the provisioning step and tests, connected as the admin user.
 */
export async function provisionStreams(
  jsm: JetStreamManager,
  options: StreamProvisioningOptions = {},
): Promise<StreamProvisioningReport> {
  const created: string[] = [];
  const updated: string[] = [];
  const unchanged: string[] = [];
  for (const family of ALL_FAMILIES) {
    const declared = streamConfig(family, options);
    const existing = await findStream(jsm, declared.name);
    if (existing === null) {
      await jsm.streams.add(declared);
      created.push(declared.name);
    } else if (driftOf(existing, declared).length > 0) {
      const { name, storage: _storage, retention: _retention, ...updatable } = declared;
      await jsm.streams.update(name, updatable);
      updated.push(name);
    } else {
      unchanged.push(declared.name);
    }
  }
  return { created, updated, unchanged };
}

/**
 * Checks that the streams of `families` exist as declared; throws `StreamsNotReadyError` naming
 * every missing or different stream. Never creates or changes anything.
 */
export async function verifyStreams(
  jsm: JetStreamManager,
  families: Iterable<Family>,
): Promise<void> {
  const problems: StreamProblem[] = [];
  for (const family of new Set(families)) {
    const declared = streamConfig(family);
    const existing = await findStream(jsm, declared.name);
    if (existing === null) {
      problems.push({ stream: declared.name, problem: 'missing' });
      continue;
    }
    for (const problem of driftOf(existing, declared, { ignoreReplicas: true })) {
      problems.push({ stream: declared.name, problem });
    }
  }
  if (problems.length > 0) throw new StreamsNotReadyError(problems);
}

/** The stream's info, or null when it does not exist. */
async function findStream(jsm: JetStreamManager, name: string): Promise<StreamInfo | null> {
  try {
    return await jsm.streams.info(name);
  } catch (error) {
    if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound)
      return null;
    throw error;
  }
}

/** Human-readable differences between a stream and its declaration (empty when it matches). */
function driftOf(
  existing: StreamInfo,
  declared: Partial<StreamConfig>,
  { ignoreReplicas = false } = {},
): string[] {
  const drift: string[] = [];
  const actualSubjects = [...existing.config.subjects].sort().join(',');
  const wantedSubjects = [...(declared.subjects ?? [])].sort().join(',');
  if (actualSubjects !== wantedSubjects)
    drift.push(`subjects are [${actualSubjects}], expected [${wantedSubjects}]`);
  if (existing.config.storage !== declared.storage) {
    drift.push(`storage is ${existing.config.storage}, expected ${declared.storage}`);
  }
  if (existing.config.duplicate_window !== declared.duplicate_window) {
    drift.push(
      `duplicate_window is ${existing.config.duplicate_window}ns, expected ${declared.duplicate_window}ns`,
    );
  }
  if (!ignoreReplicas && existing.config.num_replicas !== declared.num_replicas) {
    drift.push(
      `num_replicas is ${existing.config.num_replicas}, expected ${declared.num_replicas}`,
    );
  }
  return drift;
}
