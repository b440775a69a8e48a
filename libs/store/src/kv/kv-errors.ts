// Recognises the JetStream answers the adapter turns into port outcomes.
import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';

/**
 * True when a write was refused because the key's last revision was not the expected one: `create` on
 * an existing key, or `update` after someone else's write. This refusal is what makes writes atomic.
 */
export function isWrongLastRevision(err: unknown): boolean {
  return (
    err instanceof JetStreamApiError &&
    (err.code === JetStreamApiCodes.StreamWrongLastSequence ||
      err.code === JetStreamApiCodes.StreamWrongLastSequenceUnknown)
  );
}

/** True when the bucket's stream does not exist. */
export function isBucketMissing(err: unknown): boolean {
  return err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamNotFound;
}
