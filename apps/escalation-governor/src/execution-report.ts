// What the router's handoff events and the scheduler's appointment events tell the governor about a
// grant it issued: the lifecycle move they report, and whether the live transfer still waits for a
// closer (the team's pending transfers).
import { v1, type warmline } from '@warmline/contracts';
import type { ExecutionEvent } from '@warmline/policy';

/** One execution report about a grant. */
export interface ExecutionReport {
  /** The grant executed; null for a failed booking that names no grant (the one being booked). */
  readonly grantId: string | null;
  /** The lifecycle move, or null when the report moves nothing (a retried attempt). */
  readonly event: ExecutionEvent | null;
  /** The live transfer no longer waits for a closer (bridged, ended, fell back). */
  readonly endsPendingTransfer: boolean;
  /** The live transfer fell back to booking an appointment under its grant. */
  readonly fallsBackToBooking: boolean;
  /** The scheduler could not book in the grant's consent window (no slot, or the window is over). */
  readonly windowUnbookable: boolean;
}

const Handoff = v1.HandoffState;
const Unavailable = v1.AppointmentUnavailableReason;

// The failures that say the window itself cannot be booked, so asking for it again would fail again.
const WINDOW_UNBOOKABLE: ReadonlySet<number> = new Set([
  Unavailable.APPOINTMENT_UNAVAILABLE_REASON_NO_SLOT_IN_WINDOW,
  Unavailable.APPOINTMENT_UNAVAILABLE_REASON_WINDOW_IN_PAST,
]);

// Attempt-level failures (declined, no answer, voicemail at the closer) move nothing: the router
// tries the next closer or reports how the handoff ended.
const HANDOFF_MOVES: ReadonlyMap<
  warmline.v1.HandoffState,
  Omit<ExecutionReport, 'grantId'>
> = new Map([
  [Handoff.HANDOFF_STATE_REQUESTED, started()],
  [Handoff.HANDOFF_STATE_RESERVED, started()],
  [Handoff.HANDOFF_STATE_BRIEFING, started()],
  [Handoff.HANDOFF_STATE_RINGING, started()],
  [Handoff.HANDOFF_STATE_ACCEPTED, started()],
  [Handoff.HANDOFF_STATE_BRIDGED, ended('connected')],
  [Handoff.HANDOFF_STATE_CALLER_ABANDONED, ended('closed')],
  [Handoff.HANDOFF_STATE_FAILED, ended('returned-to-ai')],
  [Handoff.HANDOFF_STATE_RETURNED_TO_AI, ended('returned-to-ai')],
  [
    Handoff.HANDOFF_STATE_FALLBACK_APPOINTMENT,
    { event: null, endsPendingTransfer: true, fallsBackToBooking: true, windowUnbookable: false },
  ],
]);

/** The report in a `handoff` or `appointment` envelope, or null when it reports nothing of interest. */
export function executionReportOf(envelope: warmline.v1.IEnvelope): ExecutionReport | null {
  const handoff = envelope.handoffEvent;
  if (handoff) {
    const move = HANDOFF_MOVES.get(handoff.state ?? Handoff.HANDOFF_STATE_UNSPECIFIED);
    return move && handoff.grantId ? { grantId: handoff.grantId, ...move } : null;
  }
  const appointment = envelope.appointmentEvent;
  if (appointment?.booked?.grantId) {
    return { grantId: appointment.booked.grantId, ...ended('scheduled') };
  }
  if (appointment?.unavailable) {
    return {
      // Reports from before AppointmentUnavailable named its grant concern the booking in force.
      grantId: appointment.unavailable.grantId || null,
      ...ended('returned-to-ai'),
      windowUnbookable: WINDOW_UNBOOKABLE.has(appointment.unavailable.reason ?? 0),
    };
  }
  return null;
}

function started(): Omit<ExecutionReport, 'grantId'> {
  return {
    event: 'transfer-started',
    endsPendingTransfer: false,
    fallsBackToBooking: false,
    windowUnbookable: false,
  };
}

function ended(event: ExecutionEvent): Omit<ExecutionReport, 'grantId'> {
  return { event, endsPendingTransfer: true, fallsBackToBooking: false, windowUnbookable: false };
}
