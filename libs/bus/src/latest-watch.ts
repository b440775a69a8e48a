// Reads a family whose subjects are keyed by something other than an interaction (closer presence)
// as a live table: the latest envelope of every subject first, then every new one, in stream order.
// An ordered consumer: nothing is acknowledged, nothing durable is left behind, and after a broker
// restart the client resumes where it was.
import { DeliverPolicy, type JetStreamClient } from '@nats-io/jetstream';
import { streamFor, streamSubjects, type Family, type warmline } from '@warmline/contracts';
import type { EnvelopeDeserializer } from './codec.js';
import { describe } from './errors.js';
import type { BusLogger } from './logger.js';

/** Called for each envelope of the watched family, oldest first. */
export type LatestHandler = (envelope: warmline.v1.Envelope) => void;

/** A running watch; `caughtUp` resolves once every subject's latest value was handed over. */
export interface LatestWatch {
  readonly caughtUp: Promise<void>;
  stop(): Promise<void>;
}

/** Starts watching `family`; undecodable messages are logged and skipped (they have a DLQ elsewhere). */
export async function watchLatest(
  js: JetStreamClient,
  family: Family,
  handler: LatestHandler,
  deserializer: EnvelopeDeserializer,
  logger: BusLogger,
): Promise<LatestWatch> {
  const consumer = await js.consumers.get(streamFor(family), {
    filter_subjects: streamSubjects(family)[0] ?? '>',
    deliver_policy: DeliverPolicy.LastPerSubject,
  });
  const messages = await consumer.consume();
  let markCaughtUp: () => void = () => undefined;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));
  const loop = (async () => {
    for await (const m of messages) {
      try {
        handler(deserializer.deserialize(m.data));
      } catch (error) {
        logger.warn(`watch ${family}: skipped ${m.subject}#${m.seq}: ${describe(error)}`);
      }
      if (m.info.pending === 0) markCaughtUp();
    }
  })();
  // An empty stream has nothing to deliver: caught up at once.
  const info = await consumer.info(true);
  if (info.num_pending === 0 && info.delivered.stream_seq === 0) markCaughtUp();
  return {
    caughtUp,
    async stop() {
      await messages.close();
      await loop;
    },
  };
}
