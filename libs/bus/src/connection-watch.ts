// Follows a connection's status events so health endpoints can answer without a round-trip.
import type { NatsConnection } from '@nats-io/transport-node';
import { describe } from './errors.js';
import type { BusLogger } from './logger.js';

/** Tracks whether a NATS connection is currently usable and logs its transitions. */
export class ConnectionWatch {
  private connected = true;
  private readonly listeners = new Set<(connected: boolean) => void>();
  private readonly watching: Promise<void>;

  constructor(
    private readonly nc: NatsConnection,
    private readonly logger: BusLogger,
  ) {
    this.watching = this.watch();
  }

  /** True while connected to a server (false while reconnecting and after close). */
  get isConnected(): boolean {
    return this.connected && !this.nc.isClosed() && !this.nc.isDraining();
  }

  /** Resolves once the connection has closed and its status stream ended. */
  get ended(): Promise<void> {
    return this.watching;
  }

  /** Calls `listener` whenever the connection is lost or regained. */
  onChange(listener: (connected: boolean) => void): void {
    this.listeners.add(listener);
  }

  private set(connected: boolean): void {
    if (connected === this.connected) return;
    this.connected = connected;
    for (const listener of this.listeners) listener(connected);
  }

  private async watch(): Promise<void> {
    for await (const status of this.nc.status()) {
      switch (status.type) {
        case 'disconnect':
          this.set(false);
          this.logger.warn(`disconnected from ${status.server}; reconnecting`);
          break;
        case 'reconnect':
          this.set(true);
          this.logger.log(`reconnected to ${status.server}`);
          break;
        case 'error':
          this.logger.error(`connection error: ${describe(status.error)}`);
          break;
        case 'close':
          this.set(false);
          break;
        default:
          break;
      }
    }
    this.set(false);
  }
}
