// Bus options are validated once, at start-up, into one resolved object with every default applied.
import {
  ACK_WAIT_MS,
  PUBLISH_TIMEOUT_MS,
  SHUTDOWN_GRACE_MS,
  WORKING_INTERVAL_FRACTION,
} from './constants.js';
import {
  ProtobufEnvelopeDeserializer,
  ProtobufEnvelopeSerializer,
  type EnvelopeDeserializer,
  type EnvelopeSerializer,
} from './codec.js';
import { validateConnectionOptions, type BusConnectionOptions } from './connection.js';
import { InvalidBusOptionsError } from './errors.js';
import { busLogger, type BusLogger } from './logger.js';
import type { BusObserver } from './observer.js';
import { retryPolicy, type RetryPolicy } from './retry-policy.js';

/** Everything an agent configures about its bus connection, publishing and consuming. */
export interface EventBusOptions extends BusConnectionOptions {
  /** Scopes this agent holds; every envelope it publishes carries them (`Envelope.authority.scopes`). */
  readonly scopes: readonly string[];
  /** Principal named in `Envelope.authority.principal`; defaults to `agent:<agent>`. */
  readonly principal?: string;
  /** Server redelivers a message not settled within this time (ms). */
  readonly ackWaitMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** On close, how long a handler in flight may still run (ms). */
  readonly shutdownGraceMs?: number;
  /** How often a running handler extends its ack wait (ms); defaults to a third of `ackWaitMs`, 0 disables. */
  readonly workingIntervalMs?: number;
  /** How long a publish waits for its PubAck (ms). */
  readonly publishTimeoutMs?: number;
  readonly serializer?: EnvelopeSerializer;
  readonly deserializer?: EnvelopeDeserializer;
  readonly logger?: BusLogger;
  /** Told about every settled message (metrics); optional. */
  readonly observer?: BusObserver;
}

/** Options after validation, with every default filled in. */
export interface ResolvedBusOptions extends BusConnectionOptions {
  readonly scopes: readonly string[];
  readonly principal: string;
  readonly ackWaitMs: number;
  readonly retry: RetryPolicy;
  readonly shutdownGraceMs: number;
  readonly workingIntervalMs: number;
  readonly publishTimeoutMs: number;
  readonly serializer: EnvelopeSerializer;
  readonly deserializer: EnvelopeDeserializer;
  readonly logger: BusLogger;
  readonly observer?: BusObserver;
}

/** Validates options (naming the bad one) and applies the defaults from constants.ts. */
export function resolveBusOptions(options: EventBusOptions): ResolvedBusOptions {
  validateConnectionOptions(options);
  const ackWaitMs = positive('ackWaitMs', options.ackWaitMs ?? ACK_WAIT_MS);
  return {
    ...options,
    scopes: [...options.scopes],
    principal: options.principal ?? `agent:${options.agent}`,
    ackWaitMs,
    retry: retryPolicy(options.retry),
    shutdownGraceMs: nonNegative('shutdownGraceMs', options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS),
    workingIntervalMs: nonNegative(
      'workingIntervalMs',
      options.workingIntervalMs ?? Math.floor(ackWaitMs * WORKING_INTERVAL_FRACTION),
    ),
    publishTimeoutMs: positive('publishTimeoutMs', options.publishTimeoutMs ?? PUBLISH_TIMEOUT_MS),
    serializer: options.serializer ?? new ProtobufEnvelopeSerializer(),
    deserializer: options.deserializer ?? new ProtobufEnvelopeDeserializer(),
    logger: options.logger ?? busLogger(`Bus:${options.agent}`),
  };
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new InvalidBusOptionsError(`${name} must be > 0 ms, got ${value}`);
  return value;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0)
    throw new InvalidBusOptionsError(`${name} must be ≥ 0 ms, got ${value}`);
  return value;
}
