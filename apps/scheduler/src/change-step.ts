// A reschedule or cancellation as a checkpointed step on the calendar, performed once per request
// id: move the appointment into the new window (its own closer first, so the briefed closer keeps
// the buyer when they can) with a SEQUENCE+1 invite, or cancel it with a METHOD:CANCEL message —
// or say the new window has no slot, leaving the booking where it is.
import type { Effect, StepOutcome } from '@warmline/agent-runtime';
import { v1 } from '@warmline/contracts';
import {
  AppointmentNotFoundError,
  BookingStateError,
  appointmentCancelledMessage,
  appointmentRescheduledMessage,
  cancel,
  cancelIcs,
  crmUpdateFor,
  findBooking,
  findSlot,
  inviteIcs,
  reschedule,
  type AppointmentCrmOutcome,
  type Booking,
  type ConsentWindow,
  type SchedulingCloser,
  type SlotSearchResult,
} from '@warmline/scheduling';
import { auditAppointment, publishAppointment, type EventContext } from './appointment-effects.js';
import { unavailableEffects } from './booking-step.js';
import {
  appointmentRecord,
  emptySchedulerCalendar,
  pruned,
  wasAnswered,
  type AppointmentRecord,
  type SchedulerCalendar,
} from './calendar-state.js';
import type { ChangeRequest } from './change-request.js';
import { derivedId } from './derived-id.js';
import { AppointmentInteractionMismatchError } from './errors.js';
import { inviteDetails } from './invite-details.js';
import type { SchedulerSettings } from './scheduler-settings.js';

export interface ChangeInput {
  readonly context: EventContext;
  readonly request: ChangeRequest;
  readonly closers: readonly SchedulingCloser[];
}

/** What the step did to the appointment. */
export interface ChangeResult {
  readonly kind: 'rescheduled' | 'cancelled' | 'unchanged' | 'unavailable';
  readonly appointmentId: string;
}

type ChangeSettings = Pick<
  SchedulerSettings,
  'scheduling' | 'calendarRetentionMs' | 'inviteSummary' | 'organizer'
>;

type ChangeOutcome = StepOutcome<SchedulerCalendar> & { result: ChangeResult };

/**
 * Performs the change request on the stored calendar; null when this request id was performed
 * before. Throws AppointmentNotFoundError, AppointmentInteractionMismatchError (booked for another
 * interaction), BookingStateError (moving a cancelled appointment) or the SchedulingError of a bad
 * window — all permanent.
 */
export function changeStep(
  current: SchedulerCalendar | null,
  input: ChangeInput,
  settings: ChangeSettings,
): ChangeOutcome | null {
  const state = current ?? emptySchedulerCalendar();
  const { request, context } = input;
  if (wasAnswered(state.changeRequests, request.requestId)) return null;
  const booking = findBooking(state.calendar, request.appointmentId);
  const record = appointmentRecord(state, request.appointmentId);
  if (booking === null || record === null)
    throw new AppointmentNotFoundError(request.appointmentId);
  if (record.interactionId !== context.interactionId) {
    throw new AppointmentInteractionMismatchError(request.appointmentId, context.interactionId);
  }
  const outcome =
    request.change.kind === 'cancel'
      ? cancelled(state, booking, record, input, settings)
      : rescheduled(state, booking, record, request.change, input, settings);
  const kept = pruned(outcome.state, context.nowMs, settings.calendarRetentionMs);
  return {
    ...outcome,
    state: {
      ...kept,
      changeRequests: [...kept.changeRequests, { id: request.requestId, atMs: context.nowMs }],
    },
  };
}

function cancelled(
  state: SchedulerCalendar,
  booking: Booking,
  record: AppointmentRecord,
  input: ChangeInput,
  settings: ChangeSettings,
): ChangeOutcome {
  const { request, context } = input;
  const result = cancel(state.calendar, booking.appointmentId, request.change.reason);
  // The cancellation goes to the same attendee the invite went to.
  const closer = input.closers.find((c) => c.closerId === booking.closerId);
  const details = inviteDetails(settings, closer, record.briefText, context.nowMs);
  const event = {
    cancelled: appointmentCancelledMessage(result, cancelIcs(result.booking, details)),
  };
  const eventId = derivedId('apt-cancelled', request.requestId);
  const effects: Effect[] = [
    publishAppointment(eventId, context, event),
    auditAppointment(eventId, context, event, {
      event: 'cancelled',
      appointmentId: booking.appointmentId,
      changed: result.changed ? 'yes' : 'no',
    }),
  ];
  if (result.changed) {
    effects.push(
      crmEffect(
        'apt-crm-cancelled',
        request,
        context,
        v1.CrmOutcome.CRM_OUTCOME_APPOINTMENT_CANCELLED,
        result.booking,
        closer?.displayName,
      ),
    );
  }
  return {
    state: { ...state, calendar: result.calendar },
    effects,
    result: {
      kind: result.changed ? 'cancelled' : 'unchanged',
      appointmentId: booking.appointmentId,
    },
  };
}

function rescheduled(
  state: SchedulerCalendar,
  booking: Booking,
  record: AppointmentRecord,
  change: Extract<ChangeRequest['change'], { kind: 'reschedule' }>,
  input: ChangeInput,
  settings: ChangeSettings,
): ChangeOutcome {
  const { request, context } = input;
  if (booking.status !== 'booked') {
    throw new BookingStateError(booking.appointmentId, booking.status, 'reschedule');
  }
  const found = newSlot(state, booking, record, change.window, input, settings);
  if (found.kind === 'unavailable') {
    return {
      state,
      // A reschedule is asked by the desk, under no grant.
      effects: unavailableEffects(
        { requestId: request.requestId, grantId: '' },
        found,
        context,
        derivedId('apt-change-unavailable', request.requestId),
      ),
      result: { kind: 'unavailable', appointmentId: booking.appointmentId },
    };
  }
  const moved = reschedule(state.calendar, booking.appointmentId, found, change.reason, {
    bufferMs: settings.scheduling.bufferMs,
    window: change.window ?? undefined,
    nowMs: context.nowMs,
  });
  const closer = input.closers.find((c) => c.closerId === moved.booking.closerId);
  const details = inviteDetails(settings, closer, record.briefText, context.nowMs);
  const event = {
    rescheduled: appointmentRescheduledMessage(moved, inviteIcs(moved.booking, details)),
  };
  const eventId = derivedId('apt-rescheduled', request.requestId);
  const effects: Effect[] = [
    publishAppointment(eventId, context, event),
    auditAppointment(eventId, context, event, {
      event: 'rescheduled',
      appointmentId: booking.appointmentId,
      closerId: moved.booking.closerId,
      startAt: new Date(moved.booking.startMs).toISOString(),
      changed: moved.changed ? 'yes' : 'no',
    }),
  ];
  if (moved.changed) {
    effects.push(
      crmEffect(
        'apt-crm-rescheduled',
        request,
        context,
        v1.CrmOutcome.CRM_OUTCOME_APPOINTMENT_RESCHEDULED,
        moved.booking,
        closer?.displayName,
      ),
    );
  }
  return {
    state: { ...state, calendar: moved.calendar },
    effects,
    result: {
      kind: moved.changed ? 'rescheduled' : 'unchanged',
      appointmentId: booking.appointmentId,
    },
  };
}

// Searched on a scratch calendar where the appointment no longer holds its slot, so it may move
// to a time overlapping its old one. The booked closer is tried first.
function newSlot(
  state: SchedulerCalendar,
  booking: Booking,
  record: AppointmentRecord,
  window: ConsentWindow | null,
  input: ChangeInput,
  settings: ChangeSettings,
): SlotSearchResult {
  const scratch = cancel(state.calendar, booking.appointmentId, 'searching').calendar;
  const slotRequest = {
    window,
    durationMs: booking.endMs - booking.startMs,
    needs: record.needs,
    nowMs: input.context.nowMs,
  };
  const own = input.closers.filter((c) => c.closerId === booking.closerId);
  if (own.length > 0) {
    const withOwn = findSlot(slotRequest, own, scratch, settings.scheduling);
    if (withOwn.kind === 'slot') return withOwn;
  }
  return findSlot(slotRequest, input.closers, scratch, settings.scheduling);
}

// The CRM record of a change; the full brief travelled with the booking's record.
function crmEffect(
  prefix: string,
  request: ChangeRequest,
  context: EventContext,
  outcome: AppointmentCrmOutcome,
  booking: Booking,
  closerName?: string,
): Effect {
  return publishAppointment(derivedId(prefix, request.requestId), context, {
    crmUpdate: crmUpdateFor(outcome, booking, '', null, closerName),
  });
}
