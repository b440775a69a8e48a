// Booking under a verified grant, as a checkpointed step on the calendar: search the consent window,
// book at most once per idempotency key, and commit the booking together with everything it
// announces (requested, booked with its invite, the CRM update, the audit records) — or, when
// nothing fits the window, the unavailable answer with the nearest alternatives and no booking.
import type { Effect, StepOutcome } from '@warmline/agent-runtime';
import { v1, type warmline } from '@warmline/contracts';
import {
  appointmentBookedMessage,
  appointmentRequestFromMessage,
  appointmentUnavailableMessage,
  crmUpdateFor,
  inviteIcs,
  scheduleAppointment,
  type Booking,
  type SchedulingCloser,
  type SlotUnavailable,
} from '@warmline/scheduling';
import {
  auditAppointment,
  auditGrant,
  publishAppointment,
  type EventContext,
} from './appointment-effects.js';
import {
  emptySchedulerCalendar,
  pruned,
  wasAnswered,
  withAppointment,
  type SchedulerCalendar,
} from './calendar-state.js';
import { derivedId } from './derived-id.js';
import { inviteDetails } from './invite-details.js';
import type { SchedulerSettings } from './scheduler-settings.js';

/** The context of a booking: always under a grant. */
export type BookingContext = EventContext & { readonly grant: warmline.v1.IAuthorityGrant };

/** Everything a booking decision needs, gathered before the step (the step itself does no I/O). */
export interface BookingInput {
  readonly context: BookingContext;
  /** What the scheduler was asked: request id, grant id, window, duration, needs, key, brief. */
  readonly requested: warmline.v1.IAppointmentRequested;
  /** The id a new booking gets (derived from the grant, the same on every replica). */
  readonly appointmentId: string;
  readonly closers: readonly SchedulingCloser[];
}

/** What the step did. */
export type BookingResult =
  | {
      readonly kind: 'booked';
      readonly appointmentId: string;
      readonly closerId: string;
      readonly startMs: number;
    }
  | {
      readonly kind: 'unavailable';
      readonly reason: warmline.v1.AppointmentUnavailableReason;
      readonly alternatives: number;
    };

type BookingSettings = Pick<
  SchedulerSettings,
  'scheduling' | 'calendarRetentionMs' | 'inviteSummary' | 'organizer'
>;

/**
 * Books the request on the stored calendar. Returns null when the request was answered before (its
 * key booked, or it was found unavailable): the earlier step's effects are already committed.
 * Throws the SchedulingError of an invalid request (the caller dead-letters it).
 */
export function bookStep(
  current: SchedulerCalendar | null,
  input: BookingInput,
  settings: BookingSettings,
): (StepOutcome<SchedulerCalendar> & { result: BookingResult }) | null {
  const state = current ?? emptySchedulerCalendar();
  const { context } = input;
  const request = appointmentRequestFromMessage(input.requested, context.nowMs);
  if (wasAnswered(state.unavailableKeys, request.idempotencyKey)) return null;

  const outcome = scheduleAppointment(
    state.calendar,
    request,
    input.closers,
    { appointmentId: input.appointmentId },
    settings.scheduling,
  );
  if (outcome.kind === 'booked' && !outcome.created) return null;

  const requestedEffect = publishAppointment(
    derivedId('apt-requested', request.requestId),
    context,
    { requested: input.requested },
    true,
  );
  if (outcome.kind === 'unavailable') {
    const kept = pruned(state, context.nowMs, settings.calendarRetentionMs);
    return {
      state: {
        ...kept,
        unavailableKeys: [
          ...kept.unavailableKeys,
          { id: request.idempotencyKey, atMs: context.nowMs },
        ],
      },
      effects: [requestedEffect, ...unavailableEffects(request, outcome, context)],
      result: {
        kind: 'unavailable',
        reason: outcome.reason,
        alternatives: outcome.alternatives.length,
      },
    };
  }

  const { booking } = outcome;
  const closer = input.closers.find((c) => c.closerId === booking.closerId);
  const brief = input.requested.brief ?? null;
  const briefText = brief?.text ?? '';
  const booked = appointmentBookedMessage(
    booking,
    inviteIcs(booking, inviteDetails(settings, closer, briefText, context.nowMs)),
  );
  const next = withAppointment({ ...state, calendar: outcome.calendar }, booking.appointmentId, {
    interactionId: context.interactionId,
    needs: request.needs,
    briefText,
  });
  return {
    state: pruned(next, context.nowMs, settings.calendarRetentionMs),
    effects: [
      requestedEffect,
      ...bookedEffects(booking, booked, brief, closer?.displayName ?? '', context),
    ],
    result: {
      kind: 'booked',
      appointmentId: booking.appointmentId,
      closerId: booking.closerId,
      startMs: booking.startMs,
    },
  };
}

function bookedEffects(
  booking: Booking,
  booked: warmline.v1.IAppointmentBooked,
  brief: warmline.v1.IHandoffBrief | null,
  closerName: string,
  context: EventContext,
): Effect[] {
  const bookedId = derivedId('apt-booked', booking.appointmentId);
  const crmUpdate = crmUpdateFor(
    v1.CrmOutcome.CRM_OUTCOME_APPOINTMENT_BOOKED,
    booking,
    '', // no lead id travels with an interaction yet
    brief,
    closerName,
  );
  return [
    publishAppointment(bookedId, context, { booked }, true),
    publishAppointment(derivedId('apt-crm-booked', booking.appointmentId), context, {
      crmUpdate,
    }),
    auditAppointment(
      bookedId,
      context,
      { booked },
      {
        event: 'booked',
        appointmentId: booking.appointmentId,
        closerId: booking.closerId,
        startAt: new Date(booking.startMs).toISOString(),
      },
    ),
    auditGrant(derivedId('scheduler-grant-used', booking.grantId), context, context.grant, {
      event: 'used',
      grantId: booking.grantId,
      appointmentId: booking.appointmentId,
    }),
  ];
}

/**
 * AppointmentUnavailable answering `request` and its audit record; it names the request's grant, so
 * the governor knows which grant could not be used.
 */
export function unavailableEffects(
  request: { readonly requestId: string; readonly grantId: string },
  unavailable: SlotUnavailable,
  context: EventContext,
  eventId = derivedId('apt-unavailable', request.requestId),
): Effect[] {
  const event = {
    unavailable: appointmentUnavailableMessage(request.requestId, unavailable, request.grantId),
  };
  return [
    publishAppointment(eventId, context, event),
    auditAppointment(eventId, context, event, {
      event: 'unavailable',
      reason: v1.AppointmentUnavailableReason[unavailable.reason] ?? String(unavailable.reason),
      alternatives: unavailable.alternatives.length,
    }),
  ];
}
