// Maps Nest handler patterns to bus families. A handler takes a whole family: its messages are
// spread over partition consumers, so a narrower pattern could not be honoured.
import {
  FAMILIES,
  isFamily,
  isInteractionFamily,
  SUBJECT_ROOT,
  type InteractionFamily,
} from '@warmline/contracts';
import { DuplicateHandlerError, InvalidHandlerPatternError } from './errors.js';

const HANDLED_FAMILIES = FAMILIES.filter((spec) => spec.keyedBy === 'interaction').map(
  (spec) => spec.family,
);

/**
 * The family a handler pattern names. Accepted: the family itself (`signal`), or its subjects with
 * wildcards only after the family (`wl.signal.*.*`, `wl.signal.>`). Only interaction-keyed families
 * have partitioned consumers; closer presence and dead letters are refused with a clear error.
 */
export function familyOfPattern(pattern: string): InteractionFamily {
  const tokens = pattern.split('.');
  const named =
    tokens.length === 1 ? tokens[0] : tokens[0] === SUBJECT_ROOT ? tokens[1] : undefined;
  if (named === undefined || !isFamily(named)) {
    throw new InvalidHandlerPatternError(
      pattern,
      `expected a family (${HANDLED_FAMILIES.join(', ')}) or ${SUBJECT_ROOT}.<family>.> / ${SUBJECT_ROOT}.<family>.*.*`,
    );
  }
  if (!isInteractionFamily(named)) {
    throw new InvalidHandlerPatternError(
      pattern,
      `"${named}" is not keyed by interaction; the bus consumes only ${HANDLED_FAMILIES.join(', ')}`,
    );
  }
  const tail = tokens.slice(2);
  const wholeFamily = tail.every((t, i) => t === '*' || (t === '>' && i === tail.length - 1));
  if (tokens.length > 1 && (tail.length === 0 || !wholeFamily)) {
    throw new InvalidHandlerPatternError(
      pattern,
      `a handler receives a whole family; use ${SUBJECT_ROOT}.${named}.> (partitions and interactions are not selectable)`,
    );
  }
  return named;
}

/**
 * Groups handlers by family, refusing two handlers for one family: Nest would otherwise chain
 * them and each message would be handled, and settled, twice.
 */
export function routeByFamily<H>(
  patterns: Iterable<[string, H]>,
  handlerCount: (h: H) => number,
): Map<InteractionFamily, H> {
  const routes = new Map<InteractionFamily, { patterns: string[]; handler: H }>();
  for (const [pattern, handler] of patterns) {
    const family = familyOfPattern(pattern);
    const route = routes.get(family);
    if (route !== undefined) throw new DuplicateHandlerError(family, [...route.patterns, pattern]);
    const count = handlerCount(handler);
    if (count > 1) throw new DuplicateHandlerError(family, Array<string>(count).fill(pattern));
    routes.set(family, { patterns: [pattern], handler });
  }
  return new Map([...routes].map(([family, route]) => [family, route.handler]));
}
