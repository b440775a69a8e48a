// W3C trace context travels in NATS headers; these adapters let any OpenTelemetry propagator read
// and write them, so one interaction's path across agents is one trace.
import { Match, type MsgHdrs } from '@nats-io/transport-node';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  type Context,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';

/** Reads propagation fields from NATS headers (case-insensitively, as HTTP-born fields may arrive capitalised). */
export const natsHeadersGetter: TextMapGetter<MsgHdrs | undefined> = {
  keys(carrier) {
    return carrier ? carrier.keys() : [];
  },
  get(carrier, key) {
    if (!carrier || !carrier.has(key, Match.IgnoreCase)) return undefined;
    const values = carrier.values(key, Match.IgnoreCase);
    return values.length === 1 ? values[0] : values;
  },
};

/** Writes propagation fields into NATS headers, replacing any earlier value. */
export const natsHeadersSetter: TextMapSetter<MsgHdrs> = {
  set(carrier, key, value) {
    carrier.set(key, value);
  },
};

/** Injects the active (or given) trace context into outgoing headers. */
export function injectTraceContext(headers: MsgHdrs, from: Context = context.active()): void {
  propagation.inject(from, headers, natsHeadersSetter);
}

/** The trace context a publisher put into these headers, as a context to run the handler in. */
export function extractTraceContext(headers: MsgHdrs | undefined): Context {
  return propagation.extract(ROOT_CONTEXT, headers, natsHeadersGetter);
}
