import type { warmline } from '@warmline/contracts';

/** The `PerceptionEvent.event` oneof cases, in field-number order. */
export const PERCEPTION_CASES = [
  'callStarted',
  'callAnswered',
  'answeringMachineResult',
  'transcriptSegment',
  'interruption',
  'silence',
  'callTimeout',
  'hangUp',
  'tokenLimitReached',
  'promptDrift',
  'structuredAssertion',
] as const satisfies readonly (keyof warmline.v1.IPerceptionEvent)[];

/** Name of one `PerceptionEvent.event` case, e.g. "transcriptSegment". */
export type PerceptionCase = (typeof PERCEPTION_CASES)[number];

/** Every case set on an event (a valid event has exactly one). */
export function perceptionCasesOf(event: warmline.v1.IPerceptionEvent): PerceptionCase[] {
  return PERCEPTION_CASES.filter((name) => event[name] != null);
}

/** The wire (snake_case) spelling of a camelCase field name: "asrConfidence" -> "asr_confidence". */
export function wireName(camel: string): string {
  return camel.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
