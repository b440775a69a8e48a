import type { warmline } from '../generated/warmline.js';
import { at, grant } from './intent.js';
import { BODIES } from './bodies.js';

/** A fully populated envelope header around `body`. */
export function envelopeWith(
  name: string,
  body: Omit<warmline.v1.IEnvelope, 'eventId' | 'interactionId' | 'sequence'>,
  sequence = 1,
): warmline.v1.IEnvelope {
  return {
    eventId: `evt-${name}`,
    interactionId: 'call-1',
    sequence,
    occurredAt: at(sequence * 1_000),
    producer: { agent: 'simulator', instance: 'sim-0' },
    causationId: 'evt-cause',
    correlationId: 'call-1',
    intentVersion: 7,
    authority: { principal: 'agent:simulator', scopes: ['perception.publish'], grant },
    ...body,
  };
}

/** One populated envelope per fixture body, keyed by fixture name. */
export const ENVELOPES: ReadonlyArray<readonly [string, warmline.v1.IEnvelope]> = Object.entries(
  BODIES,
).map(([name, body], i) => [name, envelopeWith(name, body, i + 1)] as const);
