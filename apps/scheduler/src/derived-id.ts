// Ids of what the scheduler publishes and records are derived from what caused them, so a step
// re-run after a crash (or on another replica) produces exactly the same ids and the repeat is
// dropped. Ids are [A-Za-z0-9_-]{1,128}; a source too long to prefix is replaced by its digest.
import { createHash } from 'node:crypto';

const MAX_ID_LENGTH = 128;

/** `<prefix>-<source>`, or `<prefix>-<sha256(source) base64url>` when that would exceed 128 characters. */
export function derivedId(prefix: string, source: string): string {
  const id = `${prefix}-${source}`;
  if (id.length <= MAX_ID_LENGTH) return id;
  return `${prefix}-${createHash('sha256').update(source).digest('base64url')}`;
}
