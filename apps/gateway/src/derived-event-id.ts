// Deterministic event ids for what the gateway derives from a request (a Twilio callback, a desk's
// answer, a presence report): the same request always yields the same id, so a retry is dropped by
// JetStream's de-duplication and by consumers, never applied twice.
import { createHash } from 'node:crypto';
import { isValidId } from '@warmline/contracts';

/**
 * `kind-part1-part2…` when that is a valid id ([A-Za-z0-9_-]{1,128}); otherwise `kind-` and a
 * SHA-256 digest of the parts (base64url), which is as deterministic and always fits.
 */
export function derivedEventId(kind: string, ...parts: readonly string[]): string {
  const plain = [kind, ...parts].join('-');
  if (isValidId(plain)) return plain;
  const digest = createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('base64url');
  return `${kind}-${digest}`;
}
