// The one renderer of protobuf messages as JSON for HTTP callers: the canonical protobuf JSON mapping
// — lowerCamelCase fields, fields at their default value left out, enums by name, 64-bit integers as
// strings, bytes as base64, and google.protobuf.Timestamp as RFC 3339 text in UTC.
import { google } from '@warmline/contracts';
import { formatRfc3339 } from './rfc3339.js';

/** A generated message type (warmline.v1.IntentState, …). */
export interface MessageType<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(data: Uint8Array): T;
  toObject(message: T, options: object): Record<string, unknown>;
}

/** A JSON object in the protobuf JSON mapping. */
export type ProtoJson = Record<string, unknown>;

const CONVERSION = { enums: String, longs: String, bytes: String, defaults: false, arrays: false };

/** Renders `message` (decoded, created or a plain object of the type) as canonical protobuf JSON. */
export function renderMessage<T>(type: MessageType<T>, message: T): ProtoJson {
  // A round trip through the wire form gives nested message instances, whatever `message` was, so
  // timestamps are recognised by their class below.
  const decoded = type.decode(type.encode(message).finish());
  return withTimestamps(decoded, type.toObject(decoded, CONVERSION)) as ProtoJson;
}

/** Decodes protobuf bytes of `type` and renders them; throws when the bytes are not that message. */
export function renderBytes<T>(type: MessageType<T>, data: Uint8Array): ProtoJson {
  return renderMessage(type, type.decode(data));
}

function withTimestamps(message: unknown, json: unknown): unknown {
  if (message instanceof google.protobuf.Timestamp) return formatRfc3339(message);
  if (Array.isArray(json) && Array.isArray(message)) {
    return json.map((item, i) => withTimestamps(message[i], item));
  }
  if (
    typeof json !== 'object' ||
    json === null ||
    typeof message !== 'object' ||
    message === null
  ) {
    return json;
  }
  const source = message as Record<string, unknown>;
  const rendered: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    rendered[key] = withTimestamps(source[key], value);
  }
  return rendered;
}
