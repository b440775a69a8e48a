// Publishes telephony's CallProgress reports on `callprogress`, one interaction's reports strictly
// in the order they were made (the router follows a leg's states in order), with derived event ids.
import type { EventBus } from '@warmline/bus';
import type { warmline } from '@warmline/contracts';
import { callProgressEventId } from './event-ids.js';

/** Sends CallProgress reports. */
export class CallProgressReporter {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly bus: EventBus) {}

  /** Publishes `progress` after every earlier report of the interaction; resolves once stored. */
  report(interactionId: string, progress: warmline.v1.ICallProgress): Promise<void> {
    const previous = this.queues.get(interactionId) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        await this.bus.publish('callprogress', interactionId, {
          eventId: callProgressEventId(interactionId, progress),
          callProgress: progress,
        });
      });
    this.queues.set(interactionId, next);
    // Forget an interaction's queue once it has drained.
    const forget = () => {
      if (this.queues.get(interactionId) === next) this.queues.delete(interactionId);
    };
    next.then(forget, forget);
    return next;
  }
}
