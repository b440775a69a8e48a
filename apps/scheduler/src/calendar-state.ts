// The scheduler's one calendar checkpoint: every closer's bookings, what each appointment needs to
// be moved later (its interaction, the buyer's needs, the brief's text), and the requests already
// answered. Written with compare-and-set, so two replicas can never book one closer twice.
import type { Calendar, CloserNeeds } from '@warmline/scheduling';
import { emptyCalendar } from '@warmline/scheduling';

/** Checkpoint key of the calendar (one for all interactions: closers are shared). */
export const CALENDAR_KEY = 'scheduler.calendar';

/** What a later reschedule or cancellation needs to know about an appointment. */
export interface AppointmentRecord {
  /** The interaction it was booked for: change requests must come from there. */
  readonly interactionId: string;
  readonly needs: CloserNeeds;
  /** The brief's text, kept for the DESCRIPTION of later invites ('' when there was none). */
  readonly briefText: string;
}

/** A request already answered, and when (for pruning). */
export interface AnsweredRequest {
  readonly id: string;
  readonly atMs: number;
}

export interface SchedulerCalendar {
  readonly calendar: Calendar;
  /** By appointment id. */
  readonly appointments: Readonly<Record<string, AppointmentRecord>>;
  /** Booking idempotency keys answered "unavailable": a redelivery is not searched again. */
  readonly unavailableKeys: readonly AnsweredRequest[];
  /** AppointmentChangeRequest ids performed. */
  readonly changeRequests: readonly AnsweredRequest[];
}

/** A calendar with nothing in it. */
export function emptySchedulerCalendar(): SchedulerCalendar {
  return { calendar: emptyCalendar(), appointments: {}, unavailableKeys: [], changeRequests: [] };
}

/** True when `id` is in `answered`. */
export function wasAnswered(answered: readonly AnsweredRequest[], id: string): boolean {
  return answered.some((entry) => entry.id === id);
}

/** The appointment's record, or null (appointment ids are never read from the prototype). */
export function appointmentRecord(
  state: SchedulerCalendar,
  appointmentId: string,
): AppointmentRecord | null {
  return Object.hasOwn(state.appointments, appointmentId)
    ? (state.appointments[appointmentId] ?? null)
    : null;
}

/** `state` with `record` stored under `appointmentId`. */
export function withAppointment(
  state: SchedulerCalendar,
  appointmentId: string,
  record: AppointmentRecord,
): SchedulerCalendar {
  return { ...state, appointments: { ...state.appointments, [appointmentId]: record } };
}

/**
 * Drops appointments that ended more than `retentionMs` before `nowMs` and answers older than that.
 * Safe for idempotency because the retention outlives every grant: a grant old enough to have lost
 * its booking no longer verifies.
 */
export function pruned(
  state: SchedulerCalendar,
  nowMs: number,
  retentionMs: number,
): SchedulerCalendar {
  const horizon = nowMs - retentionMs;
  const kept = new Set<string>();
  const byCloser = Object.entries(state.calendar.bookingsByCloser)
    .map(([closerId, bookings]) => {
      const current = bookings.filter((b) => b.endMs >= horizon);
      for (const b of current) kept.add(b.appointmentId);
      return [closerId, current] as const;
    })
    .filter(([, bookings]) => bookings.length > 0);
  return {
    // fromEntries defines own properties: a closer id of "__proto__" stays a plain key.
    calendar: { bookingsByCloser: Object.fromEntries(byCloser) },
    appointments: Object.fromEntries(
      Object.entries(state.appointments).filter(([id]) => kept.has(id)),
    ),
    unavailableKeys: state.unavailableKeys.filter((entry) => entry.atMs >= horizon),
    changeRequests: state.changeRequests.filter((entry) => entry.atMs >= horizon),
  };
}
