// Subject naming, partitioning and the family table of docs/bus.md. Change both together.
import type { BodyCase } from './body.js';
import { ContractValidationError } from './errors.js';
import { fnv1a32 } from './fnv1a.js';
import { isValidId } from './ids.js';

/** Number of partitions per interaction-keyed family; partition = fnv1a32(utf8(id)) % PARTITIONS. */
export const PARTITIONS = 16;

/** Prefix of every Warmline subject. */
export const SUBJECT_ROOT = 'wl';

/** What a family's subjects are keyed by (the last subject token). */
export type FamilyKey = 'interaction' | 'closer' | 'agent';

/** One row of the family table in docs/bus.md. */
export interface FamilySpec {
  /** Subject token, e.g. "signal". */
  readonly family: string;
  /** JetStream stream holding the family, e.g. "WL_SIGNAL". */
  readonly stream: string;
  /** Scope a producer must hold in Envelope.authority.scopes to publish on the family. */
  readonly scope: string;
  /** What the subject is keyed by. */
  readonly keyedBy: FamilyKey;
  /** Envelope body cases allowed on the family. */
  readonly bodies: readonly BodyCase[];
}

/** The family table of docs/bus.md. */
export const FAMILIES = [
  family('perception', 'WL_PERCEPTION', 'perception.publish', 'interaction', ['perceptionEvent']),
  family('signal', 'WL_SIGNAL', 'signal.publish', 'interaction', ['signal']),
  family('intent', 'WL_INTENT', 'intent.publish', 'interaction', ['intentStateChanged']),
  family('decision', 'WL_DECISION', 'decision.publish', 'interaction', [
    'escalationDecision',
    'grantRevoked',
  ]),
  family('handoff', 'WL_HANDOFF', 'handoff.publish', 'interaction', [
    'handoffEvent',
    'reservationEvent',
  ]),
  family('telephony', 'WL_TELEPHONY', 'telephony.command', 'interaction', ['telephonyCommand']),
  family('callprogress', 'WL_CALLPROGRESS', 'telephony.report', 'interaction', ['callProgress']),
  family('reservation', 'WL_RESERVATION', 'reservation.respond', 'interaction', [
    'reservationResponse',
  ]),
  family('appointment', 'WL_APPOINTMENT', 'appointment.publish', 'interaction', [
    'appointmentEvent',
  ]),
  family('schedule', 'WL_SCHEDULE', 'appointment.change', 'interaction', [
    'appointmentChangeRequest',
  ]),
  family('closer', 'WL_CLOSER', 'closer.presence', 'closer', ['closerPresence']),
  family('dlq', 'WL_DEADLETTER', 'deadletter.publish', 'agent', ['deadLetter']),
] as const;

/** A subject family name, e.g. "signal". */
export type Family = (typeof FAMILIES)[number]['family'];

/** Families whose subjects are wl.<family>.<partition>.<interaction_id>. */
export type InteractionFamily = Extract<
  (typeof FAMILIES)[number],
  { keyedBy: 'interaction' }
>['family'];

/** A parsed interaction subject. */
export interface ParsedSubject {
  readonly family: InteractionFamily;
  readonly partition: number;
  readonly interactionId: string;
}

const byName = new Map<string, FamilySpec>(FAMILIES.map((spec) => [spec.family, spec]));

/** The table row of a family, or `null` for an unknown name. */
export function familySpec(name: string): FamilySpec | null {
  return byName.get(name) ?? null;
}

/** True when `name` is one of the families. */
export function isFamily(name: string): name is Family {
  return byName.has(name);
}

/** True when `name` is an interaction-keyed family. */
export function isInteractionFamily(name: string): name is InteractionFamily {
  return byName.get(name)?.keyedBy === 'interaction';
}

/** Scope a producer must hold to publish on `family`, e.g. "signal.publish". */
export function requiredScope(family: Family): string {
  return specOf(family).scope;
}

/** JetStream stream of `family`, e.g. "WL_SIGNAL". */
export function streamFor(family: Family): string {
  return specOf(family).stream;
}

/** Subjects a family's stream captures, e.g. ["wl.signal.>"] or ["wl.closer.*"]. */
export function streamSubjects(family: Family): string[] {
  const spec = specOf(family);
  return [
    spec.keyedBy === 'interaction' ? `${SUBJECT_ROOT}.${family}.>` : `${SUBJECT_ROOT}.${family}.*`,
  ];
}

/** Partition (0..15) of an interaction: fnv1a32 over its UTF-8 bytes, modulo PARTITIONS. */
export function partitionOf(interactionId: string): number {
  return fnv1a32(interactionId) % PARTITIONS;
}

/** wl.<family>.<partition>.<interaction_id>; throws ContractValidationError for an invalid id. */
export function subjectFor(family: InteractionFamily, interactionId: string): string {
  if (!isInteractionFamily(family)) {
    throw new ContractValidationError('family', `"${family}" is not an interaction-keyed family`);
  }
  requireId('interaction_id', interactionId);
  return `${SUBJECT_ROOT}.${family}.${partitionOf(interactionId)}.${interactionId}`;
}

/** Consumer filter for one partition of a family: wl.<family>.<partition>.> */
export function partitionFilter(family: InteractionFamily, partition: number): string {
  if (!Number.isInteger(partition) || partition < 0 || partition >= PARTITIONS) {
    throw new ContractValidationError(
      'partition',
      `partition must be 0..${PARTITIONS - 1}, got ${partition}`,
    );
  }
  return `${SUBJECT_ROOT}.${family}.${partition}.>`;
}

/** wl.closer.<closer_id>; throws ContractValidationError for an invalid id. */
export function closerSubject(closerId: string): string {
  requireId('closer_id', closerId);
  return `${SUBJECT_ROOT}.closer.${closerId}`;
}

/** wl.dlq.<agent>; throws ContractValidationError for an invalid agent name. */
export function deadLetterSubject(agent: string): string {
  requireId('agent', agent);
  return `${SUBJECT_ROOT}.dlq.${agent}`;
}

/**
 * Parses wl.<family>.<partition>.<interaction_id>. Returns `null` for anything else, including a
 * partition that does not match the id (a misrouted message) or a closer / dead-letter subject.
 */
export function parseSubject(subject: string): ParsedSubject | null {
  const tokens = subject.split('.');
  if (tokens.length !== 4 || tokens[0] !== SUBJECT_ROOT) return null;
  const [, name, partitionToken, interactionId] = tokens as [string, string, string, string];
  if (!isInteractionFamily(name) || !isValidId(interactionId)) return null;
  if (!/^(0|[1-9][0-9]?)$/.test(partitionToken)) return null;
  const partition = Number(partitionToken);
  if (partition !== partitionOf(interactionId)) return null;
  return { family: name, partition, interactionId };
}

/** The closer id of a wl.closer.<closer_id> subject, or `null`. */
export function parseCloserSubject(subject: string): string | null {
  return lastTokenOf(subject, 'closer');
}

/** The agent of a wl.dlq.<agent> subject, or `null`. */
export function parseDeadLetterSubject(subject: string): string | null {
  return lastTokenOf(subject, 'dlq');
}

function lastTokenOf(subject: string, name: Family): string | null {
  const tokens = subject.split('.');
  if (tokens.length !== 3 || tokens[0] !== SUBJECT_ROOT || tokens[1] !== name) return null;
  return isValidId(tokens[2]) ? tokens[2] : null;
}

function specOf(name: string): FamilySpec {
  const spec = byName.get(name);
  if (!spec) throw new ContractValidationError('family', `unknown subject family "${name}"`);
  return spec;
}

function requireId(field: string, id: string): void {
  if (!isValidId(id)) {
    throw new ContractValidationError(
      field,
      `${field} must match [A-Za-z0-9_-]{1,128}, got ${JSON.stringify(id)}`,
    );
  }
}

function family<const F extends string, const K extends FamilyKey>(
  name: F,
  stream: string,
  scope: string,
  keyedBy: K,
  bodies: readonly BodyCase[],
): { family: F; stream: string; scope: string; keyedBy: K; bodies: readonly BodyCase[] } {
  return { family: name, stream, scope, keyedBy, bodies };
}
