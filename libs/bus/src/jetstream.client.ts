// NestJS ClientProxy for the Warmline bus: `emit(familyOrSubject, envelopeInit)` publishes through
// JetStream and completes after the PubAck. Request/response does not exist on an event bus.
import type { OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy, type ReadPacket } from '@nestjs/microservices';
import { parseSubject, subjectFor, type InteractionFamily } from '@warmline/contracts';
import type { Observable } from 'rxjs';
import {
  InvalidHandlerPatternError,
  NotConnectedError,
  RequestReplyNotSupportedError,
} from './errors.js';
import { EventBus, type BusHealth } from './event-bus.js';
import { familyOfPattern } from './handler-routes.js';
import { resolveBusOptions, type EventBusOptions } from './options.js';
import type { EnvelopeInit, PublishReceipt } from './publisher.js';

/** Publishes Warmline events from a Nest application. */
export class JetStreamClient extends ClientProxy implements OnApplicationShutdown {
  private bus: EventBus | null = null;
  private connecting: Promise<EventBus> | null = null;

  constructor(private readonly options: EventBusOptions) {
    super();
    resolveBusOptions(options);
  }

  /** Connects once; concurrent callers share the attempt, a failed attempt can be retried. */
  connect(): Promise<EventBus> {
    if (this.bus !== null) return Promise.resolve(this.bus);
    if (this.connecting !== null) return this.connecting;
    const attempt: Promise<EventBus> = EventBus.connect(this.options).then(
      async (bus) => {
        if (this.connecting !== attempt) {
          // close() ran while connecting: do not leak the connection.
          await bus.close();
          throw new NotConnectedError('connect() (closed while connecting)');
        }
        this.bus = bus;
        this.connecting = null;
        return bus;
      },
      (error: unknown) => {
        if (this.connecting === attempt) this.connecting = null;
        throw error;
      },
    );
    this.connecting = attempt;
    return attempt;
  }

  /** Drains and closes the connection; publishes already handed to NATS are flushed first. */
  async close(): Promise<void> {
    const bus = this.bus;
    const pending = this.connecting;
    this.bus = null;
    this.connecting = null;
    await bus?.close();
    // A connection still being opened closes itself when it sees it was abandoned.
    await pending?.catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  /** Connection state for health endpoints. */
  health(): BusHealth {
    return this.bus?.health() ?? { connected: false, consumersRunning: 0, consumersExpected: 0 };
  }

  /** The NATS connection. */
  unwrap<T>(): T {
    if (this.bus === null) throw new NotConnectedError('unwrap()');
    return this.bus.unwrap() as T;
  }

  /** Not offered on an event bus: throws `RequestReplyNotSupportedError`. */
  override send<TResult = unknown, TInput = unknown>(
    pattern: unknown,
    _data: TInput,
  ): Observable<TResult> {
    throw new RequestReplyNotSupportedError(String(pattern));
  }

  protected publish(packet: ReadPacket): () => void {
    throw new RequestReplyNotSupportedError(String(packet.pattern));
  }

  /** Publishes `packet.data` (an EnvelopeInit) to the family or exact subject named by the pattern. */
  protected async dispatchEvent<T = PublishReceipt>(packet: ReadPacket<EnvelopeInit>): Promise<T> {
    const bus = this.bus ?? (await this.connect());
    const { family, interactionId } = target(String(packet.pattern), packet.data);
    return (await bus.publish(family, interactionId, packet.data)) as T;
  }
}

/** The family and interaction an emit goes to: a family name, or a full subject that must match the data. */
function target(
  pattern: string,
  data: EnvelopeInit,
): { family: InteractionFamily; interactionId: string } {
  const address = parseSubject(pattern);
  if (address !== null) {
    if (data.interactionId && data.interactionId !== address.interactionId) {
      throw new InvalidHandlerPatternError(
        pattern,
        `subject names interaction ${address.interactionId}, envelope ${data.interactionId}`,
      );
    }
    if (subjectFor(address.family, address.interactionId) !== pattern) {
      throw new InvalidHandlerPatternError(
        pattern,
        'the partition does not match the interaction id',
      );
    }
    return { family: address.family, interactionId: address.interactionId };
  }
  const family = familyOfPattern(pattern);
  if (!data.interactionId) {
    throw new InvalidHandlerPatternError(pattern, 'emit to a family needs envelope.interactionId');
  }
  return { family, interactionId: data.interactionId };
}
