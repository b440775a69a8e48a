// How an agent watches its bus without the bus knowing about metrics: one callback per settled
// message, with what happened and how long it took.
import type { InteractionFamily } from '@warmline/contracts';

/** One settled message. */
export interface SettledMessage {
  readonly family: InteractionFamily;
  /** What the bus did with it. */
  readonly action: 'ack' | 'nak' | 'dead-letter' | 'kept';
  /** The dead-letter reason, for `dead-letter`. */
  readonly reason?: string;
  /** From delivery to settlement, handler included (ms). */
  readonly durationMs: number;
  readonly partition: number;
  /** Messages still waiting in this partition's consumer after this one (the consumer lag). */
  readonly pending: number;
}

/** Receives settled messages; must not throw (errors are logged and ignored). */
export interface BusObserver {
  onSettled(message: SettledMessage): void;
}
