// Verifies Twilio's X-Twilio-Signature as Twilio documents it (and its Node helper library does):
// HMAC-SHA1, keyed with the account's auth token, over the full callback URL followed by every POST
// parameter name and value sorted by name (repeated names contribute each distinct value, sorted),
// base64-encoded. Twilio signs the URL inconsistently with and without the default port, so both
// forms are tried. Comparison is in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Form fields as a body parser gives them: one string, or several for a repeated name. */
export type FormParams = Readonly<Record<string, string | readonly string[]>>;

/** The signature Twilio computes for `url` and `params` with `authToken`. */
export function twilioSignature(authToken: string, url: string, params: FormParams): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name] ?? '';
    const values = typeof value === 'string' ? [value] : [...new Set(value)].sort();
    for (const v of values) data += name + v;
  }
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

/** True when `signature` is Twilio's for the request, with or without the URL's default port. */
export function isValidTwilioSignature(
  authToken: string,
  signature: string,
  url: string,
  params: FormParams,
): boolean {
  const presented = Buffer.from(signature, 'utf8');
  let valid = false;
  for (const candidate of urlForms(url)) {
    const expected = Buffer.from(twilioSignature(authToken, candidate, params), 'utf8');
    // Both forms are always computed and compared, so the time taken does not depend on which matched.
    const same = expected.length === presented.length && timingSafeEqual(expected, presented);
    valid = valid || same;
  }
  return valid;
}

function urlForms(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  const withoutPort = new URL(parsed.toString());
  withoutPort.port = '';
  const defaultPort = parsed.protocol === 'https:' ? '443' : '80';
  const withPort = parsed.port
    ? parsed.toString()
    : parsed.toString().replace(parsed.host, `${parsed.host}:${defaultPort}`);
  return [withoutPort.toString(), withPort];
}
