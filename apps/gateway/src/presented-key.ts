// Where a caller may put its API key: `Authorization: Bearer <key>`, `X-Api-Key: <key>`, or HTTP
// Basic credentials whose password is the key (what Twilio sends for a callback URL written as
// https://<source>:<key>@host/…).
import type { IncomingHttpHeaders } from 'node:http';

/** The API key a request presents, or null when it presents none. */
export function presentedKey(headers: IncomingHttpHeaders): string | null {
  const authorization = single(headers['authorization']);
  if (authorization !== null) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (bearer) return bearer[1] ?? null;
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
    if (basic) return basicPassword(basic[1] ?? '');
  }
  const apiKey = single(headers['x-api-key'])?.trim();
  return apiKey ? apiKey : null;
}

function basicPassword(encoded: string): string | null {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  return password === '' ? null : password;
}

function single(value: string | string[] | undefined): string | null {
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}
