// NestJS transport strategy for the Warmline bus on JetStream (Nest's own NATS transporter is
// core NATS only). Handlers are `@EventPattern('<family>')` (or `'wl.<family>.>'`) methods; each
// receives the decoded Envelope and a JetStreamContext, inside the publisher's trace context.
import type { MessageHandler } from '@nestjs/microservices';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import type { InteractionFamily } from '@warmline/contracts';
import { lastValueFrom } from 'rxjs';
import type { Delivery, Envelope, EnvelopeHandler } from './delivery.js';
import { NotConnectedError, RequestReplyNotSupportedError } from './errors.js';
import { EventBus, type BusHealth } from './event-bus.js';
import { routeByFamily } from './handler-routes.js';
import { JetStreamContext } from './jetstream.context.js';
import { resolveBusOptions, type EventBusOptions } from './options.js';
import { JETSTREAM_TRANSPORT } from './tokens.js';

/** Status values reported on `server.status`. */
export type JetStreamStatus = 'connected' | 'disconnected';

/** Events a listener may register with `on()`. */
export type JetStreamEvents = {
  connected: () => void;
  disconnected: () => void;
};

/** Options of the JetStream transport: the agent's bus options. */
export type JetStreamServerOptions = EventBusOptions;

/** `NestFactory.createMicroservice(AppModule, { strategy: new JetStreamServer(options) })`. */
export class JetStreamServer
  extends Server<JetStreamEvents, JetStreamStatus>
  implements CustomTransportStrategy
{
  override readonly transportId = JETSTREAM_TRANSPORT;
  private bus: EventBus | null = null;
  private readonly listeners: { [K in keyof JetStreamEvents]: Set<JetStreamEvents[K]> } = {
    connected: new Set(),
    disconnected: new Set(),
  };

  constructor(private readonly options: JetStreamServerOptions) {
    super();
    // Fail at construction, naming the bad option, rather than at the first message.
    resolveBusOptions(options);
  }

  /**
   * Checks the handlers (one per family, events only), connects, verifies streams, creates the
   * partition consumers and starts handling; reports any failure to `callback`.
   */
  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const routes = this.routes();
      this.bus = await EventBus.connect(this.options);
      this.bus.onConnectionChange((connected) => this.report(connected));
      await this.bus.consume(this.familyHandlers(routes));
      this._status$.next('connected');
      callback();
    } catch (error) {
      await this.close();
      callback(error);
    }
  }

  /** Stops handling (in-flight handlers get the grace period), then drains and closes. */
  async close(): Promise<void> {
    const bus = this.bus;
    this.bus = null;
    await bus?.close();
  }

  /** Connection and consumer state for health endpoints. */
  health(): BusHealth {
    return this.bus?.health() ?? { connected: false, consumersRunning: 0, consumersExpected: 0 };
  }

  on<K extends keyof JetStreamEvents>(event: K, callback: JetStreamEvents[K]): void {
    this.listeners[event].add(callback);
  }

  /** The NATS connection. */
  unwrap<T>(): T {
    if (this.bus === null) throw new NotConnectedError('unwrap()');
    return this.bus.unwrap() as T;
  }

  /** Handlers by family; refuses duplicates and request/response handlers. */
  protected routes(): Map<InteractionFamily, MessageHandler> {
    for (const [pattern, handler] of this.messageHandlers) {
      if (!handler.isEventHandler) throw new RequestReplyNotSupportedError(pattern);
    }
    return routeByFamily(this.messageHandlers, chainLength);
  }

  protected familyHandlers(
    routes: Map<InteractionFamily, MessageHandler>,
  ): Map<InteractionFamily, EnvelopeHandler> {
    return new Map(
      [...routes].map(([family, handler]) => [
        family,
        (envelope, delivery) => this.handleEnvelope(handler, envelope, delivery),
      ]),
    );
  }

  /**
   * Runs one Nest handler to completion — awaiting a returned Promise or Observable — between
   * Nest's processing hooks; rejects with the handler's error so the bus can settle on it.
   */
  protected handleEnvelope(
    handler: MessageHandler,
    envelope: Envelope,
    delivery: Delivery,
  ): Promise<void> {
    const ctx = new JetStreamContext(delivery);
    return new Promise<void>((resolve, reject) => {
      this.runWithProcessingHooks(ctx, async (runEndHook) => {
        try {
          const result: unknown = await handler(envelope, ctx);
          await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
          resolve();
        } catch (error) {
          reject(error);
        } finally {
          runEndHook();
        }
      });
    });
  }

  private report(connected: boolean): void {
    this._status$.next(connected ? 'connected' : 'disconnected');
    for (const listener of this.listeners[connected ? 'connected' : 'disconnected']) listener();
  }
}

// Nest chains a second handler for an already-registered event pattern behind the first (`next`).
function chainLength(handler: MessageHandler): number {
  let n = 0;
  for (let h: MessageHandler | undefined = handler; h; h = h.next) n += 1;
  return n;
}
