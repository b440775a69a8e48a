// What the stack publishes, from now on: one ordered consumer per family the observer reads
// (decisions, handoffs and reservations, appointments, dead letters) — ephemeral, unacknowledged,
// delivering only new messages. EventBus has no "follow" yet, so this file reaches under it.
import { DeliverPolicy, jetstream, type ConsumerMessages } from '@nats-io/jetstream';
import type { EventBus } from '@warmline/bus';
import {
  decodeEnvelope,
  streamFor,
  streamSubjects,
  type Family,
  type warmline,
} from '@warmline/contracts';

/** Called with each envelope of a followed family, in stream order. */
export type FeedHandler = (envelope: warmline.v1.Envelope, family: Family) => void;

/** The families a campaign observes. */
export const OBSERVED_FAMILIES = [
  'decision',
  'handoff',
  'appointment',
  'dlq',
] as const satisfies readonly Family[];

/** Follows the observed families until stopped. */
export class StackFeed {
  private constructor(
    private readonly feeds: readonly { messages: ConsumerMessages; loop: Promise<void> }[],
  ) {}

  /**
   * Starts following every observed family; resolves once each consumer exists, so everything
   * published afterwards reaches `handler`. Undecodable messages are passed to `warn` and skipped.
   */
  static async follow(
    bus: EventBus,
    handler: FeedHandler,
    warn: (message: string) => void,
  ): Promise<StackFeed> {
    const js = jetstream(bus.unwrap());
    const feeds = await Promise.all(
      OBSERVED_FAMILIES.map(async (family) => {
        const consumer = await js.consumers.get(streamFor(family), {
          filter_subjects: streamSubjects(family)[0] ?? '>',
          deliver_policy: DeliverPolicy.New,
        });
        const messages = await consumer.consume();
        const loop = (async () => {
          for await (const m of messages) {
            let envelope: warmline.v1.Envelope;
            try {
              envelope = decodeEnvelope(m.data);
            } catch (err) {
              warn(`skipped an undecodable ${family} message ${m.subject}: ${String(err)}`);
              continue;
            }
            try {
              handler(envelope, family);
            } catch (err) {
              warn(`observing ${family} ${m.subject} failed: ${String(err)}`);
            }
          }
        })();
        return { messages, loop };
      }),
    );
    return new StackFeed(feeds);
  }

  /** Stops following. */
  async stop(): Promise<void> {
    await Promise.all(this.feeds.map((feed) => feed.messages.close()));
    await Promise.all(this.feeds.map((feed) => feed.loop.catch(() => undefined)));
  }
}
