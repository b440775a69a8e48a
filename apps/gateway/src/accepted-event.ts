// Publishing what a request became, in order, answering only once JetStream acknowledged each event.
// A bus failure part-way is a 503 that says how many events were stored: a retry of the whole
// request is safe, because every event keeps its id and repeats are dropped as duplicates.
import type { EnvelopeInit, EventBus, PublishReceipt } from '@warmline/bus';
import { isContractError, type InteractionFamily } from '@warmline/contracts';
import { RequestInvalidError, UnavailableError } from './api-errors.js';

/** JetStream's acknowledgement of one event, as HTTP callers get it. */
export interface AcceptedEvent {
  readonly eventId: string;
  readonly stream: string;
  readonly seq: number;
  readonly duplicate: boolean;
}

/** The acknowledgement of a publish receipt. */
export function acceptedOf(receipt: PublishReceipt): AcceptedEvent {
  return {
    eventId: receipt.eventId,
    stream: receipt.stream,
    seq: receipt.seq,
    duplicate: receipt.duplicate,
  };
}

/** Publishes `envelopes` on `family` for one interaction, one after the other. */
export async function publishInOrder(
  bus: EventBus,
  family: InteractionFamily,
  interactionId: string,
  envelopes: readonly (EnvelopeInit & { readonly eventId: string })[],
): Promise<AcceptedEvent[]> {
  const accepted: AcceptedEvent[] = [];
  for (const envelope of envelopes) {
    accepted.push(
      await publishOne(
        () => bus.publish(family, interactionId, envelope),
        accepted.length,
        envelopes.length,
      ),
    );
  }
  return accepted;
}

/** Runs one publish, turning a bus failure into a 503 that says what was already stored. */
export async function publishOne(
  publish: () => Promise<PublishReceipt>,
  alreadyAccepted = 0,
  total = 1,
): Promise<AcceptedEvent> {
  try {
    return acceptedOf(await publish());
  } catch (err) {
    if (isContractError(err)) throw new RequestInvalidError(err.message, undefined, err.code);
    const code = (err as { code?: unknown } | null)?.code;
    if (code === 'PUBLISH_FAILED' || code === 'NOT_CONNECTED') {
      const stored = total > 1 ? ` ${alreadyAccepted} of ${total} events were stored;` : '';
      throw new UnavailableError(
        'BUS_UNAVAILABLE',
        `the event bus did not acknowledge the event;${stored} retry the request (accepted event ids are dropped as duplicates)`,
      );
    }
    throw err;
  }
}
