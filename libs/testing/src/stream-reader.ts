// Reads what agents published, straight from the JetStream streams (as an operator would).
import type { JetStreamManager } from '@nats-io/jetstream';
import { decodeEnvelope, streamFor, warmline, type Family } from '@warmline/contracts';

/** A stored envelope with the subject it was published on. */
export interface StoredEnvelope {
  readonly subject: string;
  readonly envelope: warmline.v1.Envelope;
}

/** Every envelope stored for `family` (optionally one interaction's), in stream order. */
export async function storedEnvelopes(
  jsm: JetStreamManager,
  family: Family,
  interactionId?: string,
): Promise<StoredEnvelope[]> {
  const stream = streamFor(family);
  const info = await jsm.streams.info(stream);
  const found: StoredEnvelope[] = [];
  if (info.state.messages === 0) return found;
  for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq += 1) {
    const stored = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (stored === null) continue;
    const envelope = decodeEnvelope(stored.data);
    if (interactionId === undefined || envelope.interactionId === interactionId) {
      found.push({ subject: stored.subject, envelope });
    }
  }
  return found;
}

/** The dead letters stored so far, with their reason as a name (`VALIDATION_FAILED`, …). */
export async function storedDeadLetters(
  jsm: JetStreamManager,
): Promise<(warmline.v1.IDeadLetter & { readonly reasonName: string })[]> {
  return (await storedEnvelopes(jsm, 'dlq')).flatMap(({ envelope }) => {
    const record = envelope.deadLetter;
    if (!record) return [];
    const name = warmline.v1.DeadLetterReason[record.reason ?? 0] ?? 'UNKNOWN';
    return [{ ...record, reasonName: name.replace('DEAD_LETTER_REASON_', '') }];
  });
}
