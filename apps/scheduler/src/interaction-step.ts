// What the scheduler remembers per interaction, as a checkpointed step: the highest intent version
// it has seen on an authenticated grant or a revocation (an older grant is then stale), and the
// grants the governor revoked (they may no longer book). A refused grant's answer is committed here.
import type { StepOutcome } from '@warmline/agent-runtime';
import { v1, type warmline } from '@warmline/contracts';
import { auditGrant, publishAppointment, type EventContext } from './appointment-effects.js';
import { derivedId } from './derived-id.js';

export interface InteractionRecord {
  readonly interactionId: string;
  /** Highest intent version seen on a verified grant or a GrantRevoked; 0 before any. */
  readonly intentVersion: number;
  readonly revokedGrantIds: readonly string[];
}

/** Checkpoint key of an interaction's record. */
export function interactionKey(interactionId: string): string {
  return `scheduler.interaction.${interactionId}`;
}

/**
 * The intent version a grant must have been decided on at least: the highest seen so far, or the
 * version of the decision carrying it when that is newer (a grant older than its own decision is stale).
 */
export function expectedIntentVersion(
  record: InteractionRecord | null,
  decisionVersion = 0,
): number {
  return Math.max(record?.intentVersion ?? 0, decisionVersion);
}

/** True when the governor revoked `grantId` for this interaction. */
export function isRevoked(record: InteractionRecord | null, grantId: string): boolean {
  return record?.revokedGrantIds.includes(grantId) ?? false;
}

/** Raises the remembered intent version to `version`; null when it is not newer. */
export function noteIntentVersionStep(
  current: InteractionRecord | null,
  interactionId: string,
  version: number,
): (StepOutcome<InteractionRecord> & { result: number }) | null {
  const record = current ?? emptyRecord(interactionId);
  if (version <= record.intentVersion) return null;
  return { state: { ...record, intentVersion: version }, effects: [], result: version };
}

/** Remembers a revocation (and the intent version that caused it); null when already known. */
export function revokeGrantStep(
  current: InteractionRecord | null,
  interactionId: string,
  revoked: warmline.v1.IGrantRevoked,
): (StepOutcome<InteractionRecord> & { result: string }) | null {
  const record = current ?? emptyRecord(interactionId);
  const grantId = revoked.grantId ?? '';
  const version = Math.max(record.intentVersion, revoked.intentVersion ?? 0);
  const known = grantId === '' || record.revokedGrantIds.includes(grantId);
  if (known && version === record.intentVersion) return null;
  return {
    state: {
      ...record,
      intentVersion: version,
      revokedGrantIds: known ? record.revokedGrantIds : [...record.revokedGrantIds, grantId],
    },
    effects: [],
    result: grantId,
  };
}

/** Why a grant was refused, and what it was (for the answer and the audit trail). */
export interface GrantRefusal {
  /** The refusal's stable code, e.g. GRANT_EXPIRED or GRANT_REVOKED. */
  readonly code: string;
  readonly message: string;
  /** The grant's id once its claims were authenticated; null before. */
  readonly grantId: string | null;
}

/**
 * Answers a refused grant: AppointmentUnavailable (GRANT_INVALID) for the triggering message and a
 * `grant` audit record (`refused`, reason = code). The state is unchanged; ids derive from the
 * triggering event, so a redelivery repeats nothing.
 */
export function refusalStep(
  current: InteractionRecord | null,
  context: EventContext,
  refusal: GrantRefusal,
): StepOutcome<InteractionRecord> & { result: GrantRefusal } {
  const unavailable: warmline.v1.IAppointmentEvent = {
    unavailable: {
      // The request answered is the message that carried the grant.
      requestId: context.causationId,
      grantId: refusal.grantId ?? '',
      reason: v1.AppointmentUnavailableReason.APPOINTMENT_UNAVAILABLE_REASON_GRANT_INVALID,
      detail: `${refusal.code}: ${refusal.message}`,
      nearestAlternatives: [],
    },
  };
  return {
    state: current ?? emptyRecord(context.interactionId),
    effects: [
      publishAppointment(derivedId('apt-refused', context.causationId), context, unavailable),
      auditGrant(
        derivedId('scheduler-grant-refused', context.causationId),
        context,
        context.grant,
        {
          event: 'refused',
          reason: refusal.code,
          ...(refusal.grantId === null ? {} : { grantId: refusal.grantId }),
        },
      ),
    ],
    result: refusal,
  };
}

function emptyRecord(interactionId: string): InteractionRecord {
  return { interactionId, intentVersion: 0, revokedGrantIds: [] };
}
