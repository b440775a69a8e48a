// An AppointmentChangeRequest from the wire, checked: who, which appointment, and exactly one of
// "move into this new window" or "cancel". A window missing either end is no consent (null).
import { fromTimestamp, isValidId, type warmline } from '@warmline/contracts';
import type { ConsentWindow } from '@warmline/scheduling';
import { ChangeRequestInvalidError } from './errors.js';

export type AppointmentChange =
  | {
      readonly kind: 'reschedule';
      readonly window: ConsentWindow | null;
      readonly reason: string;
    }
  | { readonly kind: 'cancel'; readonly reason: string };

export interface ChangeRequest {
  readonly requestId: string;
  readonly appointmentId: string;
  readonly requestedBy: string;
  readonly change: AppointmentChange;
}

/** Reads and checks a change request; throws ChangeRequestInvalidError naming the bad field. */
export function changeRequestOf(message: warmline.v1.IAppointmentChangeRequest): ChangeRequest {
  const requestId = message.requestId ?? '';
  if (!isValidId(requestId)) {
    throw new ChangeRequestInvalidError('request_id', 'must match [A-Za-z0-9_-]{1,128}');
  }
  const appointmentId = message.appointmentId ?? '';
  if (!isValidId(appointmentId)) {
    throw new ChangeRequestInvalidError('appointment_id', 'must match [A-Za-z0-9_-]{1,128}');
  }
  const requestedBy = (message.requestedBy ?? '').trim();
  const { reschedule, cancel } = message;
  if ((reschedule == null) === (cancel == null)) {
    throw new ChangeRequestInvalidError(
      'change',
      'exactly one of reschedule or cancel must be set',
    );
  }
  const fallbackReason = `requested by ${requestedBy || 'an unnamed party'}`;
  const change: AppointmentChange =
    reschedule != null
      ? {
          kind: 'reschedule',
          window: windowOf(reschedule.window),
          reason: oneLine(reschedule.reason, 'reschedule.reason') || fallbackReason,
        }
      : { kind: 'cancel', reason: oneLine(cancel?.reason, 'cancel.reason') || fallbackReason };
  return { requestId, appointmentId, requestedBy, change };
}

function windowOf(window: warmline.v1.IConsentWindow | null | undefined): ConsentWindow | null {
  if (!window?.startAt || !window.endAt) return null;
  return {
    startMs: fromTimestamp(window.startAt),
    endMs: fromTimestamp(window.endAt),
    timeZone: window.timeZone || 'UTC',
  };
}

// Reasons end up in invites and CRM summaries; one line keeps them from forging other lines.
function oneLine(text: string | null | undefined, field: string): string {
  const value = (text ?? '').trim();
  if (/[\r\n]/.test(value)) throw new ChangeRequestInvalidError(field, 'must be one line');
  return value;
}
