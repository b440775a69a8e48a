// Per-source API keys from WARMLINE_API_KEYS (`source:key:scope1+scope2,…`). Only SHA-256 digests
// of the keys are kept, and a presented key is compared with every digest in constant time, so
// neither the keys nor their count leak through timing.
import { createHash, timingSafeEqual } from 'node:crypto';
import { AgentConfigError } from '@warmline/agent-runtime';

/** What an API key may do: send perception events, Twilio callbacks, desk actions, or read. */
export const API_SCOPES = ['events', 'twilio', 'desk', 'read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Who called: the source named in the key's entry, and its scopes. */
export interface ApiCaller {
  readonly source: string;
  readonly scopes: ReadonlySet<ApiScope>;
}

interface KeyEntry extends ApiCaller {
  readonly digest: Buffer;
}

const SOURCE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const KEY_PATTERN = /^[A-Za-z0-9._~-]{16,256}$/;

/** The configured keys; `authenticate` tells who a presented key belongs to. */
export class ApiKeyRing {
  private constructor(private readonly entries: readonly KeyEntry[]) {}

  /** A ring that knows no key (every authenticated request is refused). */
  static empty(): ApiKeyRing {
    return new ApiKeyRing([]);
  }

  /**
   * Parses `source:key:scope1+scope2` entries separated by commas (blank entries are ignored).
   * Sources are 1-64 of [A-Za-z0-9_-] and may repeat (key rotation); keys are 16-256 of
   * [A-Za-z0-9._~-] and must be unique; scopes are events, twilio, desk, read. Throws
   * AgentConfigError naming the entry (by position and source, never the key).
   */
  static parse(raw: string, variable = 'WARMLINE_API_KEYS'): ApiKeyRing {
    const entries: KeyEntry[] = [];
    raw.split(',').forEach((text, index) => {
      if (text.trim() === '') return;
      const entry = parseEntry(text.trim(), `entry ${index + 1}`, variable);
      if (entries.some((known) => timingSafeEqual(known.digest, entry.digest))) {
        throw new AgentConfigError(
          variable,
          `entry ${index + 1} (source "${entry.source}") repeats a key already configured`,
        );
      }
      entries.push(entry);
    });
    return new ApiKeyRing(entries);
  }

  /** Number of configured keys. */
  get size(): number {
    return this.entries.length;
  }

  /** The caller a presented key belongs to, or null; every entry is compared, in constant time. */
  authenticate(presented: string): ApiCaller | null {
    const digest = digestOf(presented);
    let found: KeyEntry | null = null;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.digest, digest) && found === null) found = entry;
    }
    return found === null ? null : { source: found.source, scopes: found.scopes };
  }
}

function parseEntry(text: string, where: string, variable: string): KeyEntry {
  const parts = text.split(':');
  const source = parts[0] ?? '';
  const fail = (problem: string): never => {
    const who = SOURCE_PATTERN.test(source) ? ` (source "${source}")` : '';
    throw new AgentConfigError(variable, `${where}${who} ${problem}`);
  };
  if (parts.length !== 3) fail('must be source:key:scope1+scope2');
  const [, key = '', scopeList = ''] = parts;
  if (!SOURCE_PATTERN.test(source)) fail('has a source that is not 1-64 of [A-Za-z0-9_-]');
  if (!KEY_PATTERN.test(key)) fail('has a key that is not 16-256 of [A-Za-z0-9._~-]');
  const scopes = scopeList.split('+').map((s) => s.trim());
  for (const scope of scopes) {
    if (!(API_SCOPES as readonly string[]).includes(scope)) {
      fail(`has unknown scope "${scope}" (known: ${API_SCOPES.join(', ')})`);
    }
  }
  return { source, scopes: new Set(scopes as ApiScope[]), digest: digestOf(key) };
}

function digestOf(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}
