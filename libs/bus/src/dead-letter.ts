// Records a message the bus gives up on, on `wl.dlq.<agent>`: the original subject, bytes and
// headers, why, and the error text, so it can be inspected and replayed.
import { createHash } from 'node:crypto';
import type { JsMsg } from '@nats-io/jetstream';
import { parseSubject, toTimestamp, warmline } from '@warmline/contracts';
import type { EventPublisher } from './publisher.js';
import type { DeadLetterCause } from './settlement.js';

/** Writes dead-letter records for one agent. */
export class DeadLetterWriter {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly agent: string,
  ) {}

  /** Stores the record of `m`; resolves only once the dead-letter stream has acknowledged it. */
  async write(m: JsMsg, cause: DeadLetterCause): Promise<void> {
    const record: warmline.v1.IDeadLetter = {
      originalSubject: m.subject,
      originalData: m.data,
      originalHeaders: headersOf(m),
      reason: warmline.v1.DeadLetterReason[`DEAD_LETTER_REASON_${cause.reason}`],
      errorMessage: cause.error,
      errorCode: cause.errorCode,
      deliveryCount: m.info.deliveryCount,
      agent: this.agent,
      consumer: m.info.consumer,
      stream: m.info.stream,
      streamSequence: m.seq,
      deadLetteredAt: toTimestamp(Date.now()),
    };
    await this.publisher.publishDeadLetter(record, {
      eventId: deadLetterEventId(this.agent, m.info.stream, m.seq),
      // Empty when the subject names no interaction (docs: "empty otherwise").
      interactionId: parseSubject(m.subject)?.interactionId ?? '',
    });
  }
}

/**
 * One stable id per (agent, stream, sequence): a dead-letter write retried after a lost PubAck is
 * de-duplicated by the stream instead of recorded twice. Formatted as a UUID.
 */
export function deadLetterEventId(agent: string, stream: string, sequence: number): string {
  const hex = createHash('sha256').update(`${agent}\u0000${stream}\u0000${sequence}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function headersOf(m: JsMsg): warmline.v1.IMessageHeader[] {
  if (!m.headers) return [];
  return [...m.headers].flatMap(([name, values]) => values.map((value) => ({ name, value })));
}
