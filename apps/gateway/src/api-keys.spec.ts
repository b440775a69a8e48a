import fc from 'fast-check';
import { AgentConfigError } from '@warmline/agent-runtime';
import { ApiKeyRing } from './api-keys.js';

const VOICE = 'voice-key-0123456789abcdef';
const DESK = 'desk-key-0123456789abcdef';

describe('ApiKeyRing.parse', () => {
  it('reads source:key:scopes entries, ignoring blank ones', () => {
    const ring = ApiKeyRing.parse(`livekit:${VOICE}:events+read, ,desk:${DESK}:desk,`);
    expect(ring.size).toBe(2);
    expect(ring.authenticate(VOICE)).toEqual({
      source: 'livekit',
      scopes: new Set(['events', 'read']),
    });
    expect(ring.authenticate(DESK)?.scopes).toEqual(new Set(['desk']));
  });

  it('allows two keys for one source (rotation)', () => {
    const ring = ApiKeyRing.parse(`desk:${DESK}:desk,desk:${VOICE}:desk`);
    expect(ring.authenticate(VOICE)?.source).toBe('desk');
    expect(ring.authenticate(DESK)?.source).toBe('desk');
  });

  it.each([
    [`livekit:${VOICE}`, /entry 1 \(source "livekit"\) must be source:key:scope1\+scope2/],
    [
      `desk:${DESK}:desk,livekit:${VOICE}:write`,
      /entry 2 \(source "livekit"\) has unknown scope "write"/,
    ],
    ['livekit:short:events', /entry 1 \(source "livekit"\) has a key that is not 16-256/],
    [`live kit:${VOICE}:events`, /entry 1 has a source that is not 1-64/],
    [
      `a:${VOICE}:events,b:${VOICE}:read`,
      /entry 2 \(source "b"\) repeats a key already configured/,
    ],
  ])('refuses %j naming the entry', (raw, message) => {
    let error: unknown;
    try {
      ApiKeyRing.parse(raw);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AgentConfigError);
    expect((error as Error).message).toMatch(/^WARMLINE_API_KEYS: /);
    expect((error as Error).message).toMatch(message);
    // The message names the entry, never the secret.
    expect((error as Error).message).not.toContain(VOICE);
  });
});

describe('ApiKeyRing.authenticate', () => {
  it('knows nothing when empty', () => {
    expect(ApiKeyRing.empty().authenticate(VOICE)).toBeNull();
  });

  it('finds exactly the configured keys', () => {
    const key = fc.stringMatching(/^[A-Za-z0-9._~-]{16,40}$/);
    fc.assert(
      fc.property(fc.uniqueArray(key, { minLength: 1, maxLength: 5 }), key, (keys, other) => {
        const ring = ApiKeyRing.parse(keys.map((k, i) => `s${i}:${k}:read`).join(','));
        keys.forEach((k, i) => expect(ring.authenticate(k)?.source).toBe(`s${i}`));
        if (!keys.includes(other)) expect(ring.authenticate(other)).toBeNull();
      }),
    );
  });
});
