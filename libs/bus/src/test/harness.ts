// Test-only helpers shared by the bus specs: a provisioned nats-server, bus options, dead-letter
// reading, waiting. Excluded from the library build (tsconfig.lib.json).
import { AsyncLocalStorage } from 'node:async_hooks';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { context, ROOT_CONTEXT, type Context, type ContextManager } from '@opentelemetry/api';
import { decodeEnvelope, FAMILIES, streamFor, warmline } from '@warmline/contracts';
import { startNatsServer } from '@warmline/testing';

export { eventually, sleep } from '@warmline/testing';
import type { BusLogger } from '../logger.js';
import type { EventBusOptions } from '../options.js';
import { provisionStreams } from '../streams.js';

/** A nats-server with every Warmline stream provisioned, and an admin connection to it. */
export interface ProvisionedServer {
  readonly url: string;
  readonly admin: NatsConnection;
  readonly jsm: JetStreamManager;
  stop(): Promise<void>;
}

export async function provisionedServer(): Promise<ProvisionedServer> {
  const server = await startNatsServer();
  const admin = await connect({ servers: server.url });
  const jsm = await jetstreamManager(admin);
  await provisionStreams(jsm);
  return {
    url: server.url,
    admin,
    jsm,
    async stop() {
      await admin.close();
      await server.stop();
    },
  };
}

/** A logger that keeps what it was told (tests assert on warnings) and prints nothing. */
export function quietLogger(): BusLogger & { readonly lines: string[] } {
  const lines: string[] = [];
  const keep = (message: unknown) => {
    lines.push(String(message));
    if (process.env['BUS_TEST_LOG']) process.stderr.write(`${String(message)}\n`);
  };
  return { lines, log: keep, warn: keep, error: keep };
}

/** Every scope of the bus, so a test producer may publish any family. */
export const ALL_SCOPES = FAMILIES.map((f) => f.scope);

/** Bus options for a test agent with fast retries. */
export function busOptions(
  url: string,
  agent: string,
  overrides: Partial<EventBusOptions> = {},
): EventBusOptions {
  return {
    servers: url,
    agent,
    instance: `${agent}-${Math.random().toString(36).slice(2, 8)}`,
    scopes: ALL_SCOPES,
    retry: { maxDeliver: 3, backoffMs: [150, 300] },
    shutdownGraceMs: 2_000,
    logger: quietLogger(),
    ...overrides,
  };
}

/** A stored dead-letter record with its reason as a name (`DECODE_FAILED`, …). */
export type StoredDeadLetter = warmline.v1.IDeadLetter & { readonly reasonName: string };

/** The dead-letter records stored so far, oldest first. */
export async function deadLetters(jsm: JetStreamManager): Promise<StoredDeadLetter[]> {
  const info = await jsm.streams.info(streamFor('dlq'));
  const records: StoredDeadLetter[] = [];
  if (info.state.messages === 0) return records;
  for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq += 1) {
    const stored = await jsm.streams.getMessage(streamFor('dlq'), { seq });
    if (stored === null) continue;
    const record = decodeEnvelope(stored.data).deadLetter;
    if (!record) continue;
    const reason = warmline.v1.DeadLetterReason[record.reason ?? 0];
    records.push({ ...record, reasonName: reason.replace('DEAD_LETTER_REASON_', '') });
  }
  return records;
}

/** A unique interaction id. */
export function interactionId(label = 'i'): string {
  return `${label}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * OpenTelemetry's context propagation across `await` on Node (what sdk-trace-node registers in an
 * agent): the real mechanism, AsyncLocalStorage, without the SDK package.
 */
export class AsyncLocalStorageContextManager implements ContextManager {
  private readonly storage = new AsyncLocalStorage<Context>();

  active(): Context {
    return this.storage.getStore() ?? ROOT_CONTEXT;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    ctx: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return this.storage.run(ctx, () => fn.apply(thisArg, args));
  }

  bind<T>(ctx: Context, target: T): T {
    if (typeof target !== 'function') return target;
    const run = (...args: unknown[]) =>
      this.with(ctx, () => (target as (...a: unknown[]) => unknown)(...args));
    return run as T;
  }

  enable(): this {
    return this;
  }

  disable(): this {
    this.storage.disable();
    return this;
  }
}

/** Installs the AsyncLocalStorage context manager globally (once per test file). */
export function enableContextPropagation(): void {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager());
}

/** A minimal valid signal event for `interactionId`, number `sequence` of its interaction. */
export function signalEvent(sequence = 1): { sequence: number; signal: warmline.v1.ISignal } {
  return { sequence, signal: {} };
}
