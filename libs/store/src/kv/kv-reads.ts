// Small read helpers over a KV bucket that hide its soft-delete markers.
import type { KV, KvEntry } from '@nats-io/kv';

/** The key's current entry, or null when it was never written or its last operation deleted it. */
export async function getLive(kv: KV, key: string): Promise<KvEntry | null> {
  const entry = await kv.get(key);
  return entry !== null && entry.operation === 'PUT' ? entry : null;
}

/**
 * Every stored value under keys matching `filter` (e.g. `<iid>.>`), in stream order, i.e. write order.
 * One server-side filtered consumer delivers them all, so listing one interaction is a single query
 * whose cost follows that interaction's entries.
 */
export async function listValues(kv: KV, filter: string): Promise<KvEntry[]> {
  const entries: KvEntry[] = [];
  const iterator = await kv.history({ key: filter });
  for await (const entry of iterator) {
    if (entry.operation === 'PUT') {
      entries.push(entry);
    }
  }
  return entries;
}
