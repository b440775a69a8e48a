import { fromTimestamp, isValidId, type warmline } from '@warmline/contracts';
import type { CloserNeeds } from './closer-needs.js';
import { MAX_IDEMPOTENCY_KEY_LENGTH } from './constants.js';
import { checkConsentWindow, checkInstant, type ConsentWindow } from './consent-window.js';
import { InvalidAppointmentRequestError } from './errors.js';

/** What findSlot needs: when (the consent window), how long, with whom, and the current time. */
export interface SlotRequest {
  /** The buyer's consented window; null when the request carried none (nothing may be booked). */
  readonly window: ConsentWindow | null;
  /** Appointment length, ms. */
  readonly durationMs: number;
  readonly needs: CloserNeeds;
  /** The current time, UTC ms: time is an input, never read from a clock here. */
  readonly nowMs: number;
}

/** A request to book: the slot request plus who asked and the key it books under at most once. */
export interface AppointmentRequest extends SlotRequest {
  readonly requestId: string;
  readonly grantId: string;
  readonly idempotencyKey: string;
}

/**
 * An AppointmentRequest from the wire message. A window missing either end becomes null (an open
 * end is not consent to any time); a window without a time zone renders in UTC. Throws
 * InvalidAppointmentRequestError naming the bad field.
 */
export function appointmentRequestFromMessage(
  message: warmline.v1.IAppointmentRequested,
  nowMs: number,
): AppointmentRequest {
  const window = message.window;
  const request: AppointmentRequest = {
    requestId: message.requestId ?? '',
    grantId: message.grantId ?? '',
    idempotencyKey: message.idempotencyKey ?? '',
    window:
      window?.startAt && window.endAt
        ? {
            startMs: fromTimestamp(window.startAt),
            endMs: fromTimestamp(window.endAt),
            timeZone: window.timeZone || 'UTC',
          }
        : null,
    durationMs: message.durationMs ?? 0,
    needs: {
      skills: message.skills ?? [],
      language: message.language ?? '',
      territory: message.territory ?? '',
    },
    nowMs,
  };
  checkAppointmentRequest(request);
  return request;
}

/** Throws InvalidAppointmentRequestError unless the slot request is usable. */
export function checkSlotRequest(request: SlotRequest): void {
  checkInstant(request.nowMs, 'nowMs');
  if (!Number.isSafeInteger(request.durationMs) || request.durationMs <= 0) {
    throw new InvalidAppointmentRequestError(
      'durationMs',
      `must be a positive whole number of ms, got ${request.durationMs}`,
    );
  }
  if (request.window) checkConsentWindow(request.window);
}

/** Throws InvalidAppointmentRequestError unless the booking request is usable. */
export function checkAppointmentRequest(request: AppointmentRequest): void {
  checkIdempotencyKey(request.idempotencyKey);
  if (!isValidId(request.requestId)) {
    throw new InvalidAppointmentRequestError('requestId', 'must match [A-Za-z0-9_-]{1,128}');
  }
  if (!isValidId(request.grantId)) {
    throw new InvalidAppointmentRequestError('grantId', 'must match [A-Za-z0-9_-]{1,128}');
  }
  checkSlotRequest(request);
}

/** Throws InvalidAppointmentRequestError unless the key is 1..256 printable, non-space characters. */
export function checkIdempotencyKey(key: string): void {
  if (
    typeof key !== 'string' ||
    key.length === 0 ||
    key.length > MAX_IDEMPOTENCY_KEY_LENGTH ||
    !/^[\x21-\x7e]+$/.test(key)
  ) {
    throw new InvalidAppointmentRequestError(
      'idempotencyKey',
      `must be 1..${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters without spaces`,
    );
  }
}
