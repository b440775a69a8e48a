// The effects a scheduler step commits with its state: appointment events on the bus and their
// audit records. Every id is fixed by the caller, so performing an effect twice equals once.
import type { AuditEffect, PublishEffect } from '@warmline/agent-runtime';
import { toTimestamp, warmline } from '@warmline/contracts';
import type { AuditSummary } from '@warmline/store';

/** What every event of one step shares: where it belongs and what caused it. */
export interface EventContext {
  readonly interactionId: string;
  /** event_id of the message that triggered the step. */
  readonly causationId: string;
  readonly nowMs: number;
  /** Intent version the grant was decided on; 0 when not applicable (change requests). */
  readonly intentVersion: number;
  /** The grant authorising a booking, attached to the booking's envelopes; null otherwise. */
  readonly grant: warmline.v1.IAuthorityGrant | null;
}

/** Publishes `event` on the interaction's `appointment` subject as `eventId`. */
export function publishAppointment(
  eventId: string,
  context: EventContext,
  event: warmline.v1.IAppointmentEvent,
  withGrant = false,
): PublishEffect {
  return {
    kind: 'publish',
    family: 'appointment',
    interactionId: context.interactionId,
    envelope: {
      eventId,
      occurredAt: toTimestamp(context.nowMs),
      causationId: context.causationId,
      correlationId: context.interactionId,
      intentVersion: context.intentVersion,
      ...(withGrant && context.grant ? { authority: { grant: context.grant } } : {}),
      appointmentEvent: event,
    },
  };
}

/** An `appointment` audit record holding `event`. */
export function auditAppointment(
  recordId: string,
  context: EventContext,
  event: warmline.v1.IAppointmentEvent,
  summary: AuditSummary,
): AuditEffect {
  return {
    kind: 'audit',
    record: {
      interactionId: context.interactionId,
      recordId,
      kind: 'appointment',
      at: context.nowMs,
      payload: warmline.v1.AppointmentEvent.encode(event).finish(),
      summary,
    },
  };
}

/** A `grant` audit record (`summary.event` used / refused) holding the grant as it arrived. */
export function auditGrant(
  recordId: string,
  context: EventContext,
  grant: warmline.v1.IAuthorityGrant | null,
  summary: AuditSummary & { readonly event: 'used' | 'refused' },
): AuditEffect {
  return {
    kind: 'audit',
    record: {
      interactionId: context.interactionId,
      recordId,
      kind: 'grant',
      at: context.nowMs,
      payload: grant ? warmline.v1.AuthorityGrant.encode(grant).finish() : new Uint8Array(),
      summary,
    },
  };
}
