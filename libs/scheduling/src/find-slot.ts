import { v1, type warmline } from '@warmline/contracts';
import { checkSlotRequest, type SlotRequest } from './appointment-request.js';
import { nearestAlternatives } from './alternatives.js';
import { activeBookingsOf, type Calendar } from './calendar.js';
import { closerSuits, type CloserNeeds } from './closer-needs.js';
import type { SchedulingCloser } from './closer.js';
import type { ConsentWindow } from './consent-window.js';
import { InvalidCloserError } from './errors.js';
import { freeSlots } from './free-slots.js';
import { resolveSchedulingOptions, type SchedulingOptions } from './scheduling-options.js';
import { compareRanked, rankSlot, type RankedSlot } from './slot-choice.js';
import type { Slot, SlotProposal } from './slot.js';

/** A slot the buyer consented to, with a suitable closer who is free then. */
export interface SlotFound extends Slot {
  readonly kind: 'slot';
}

/** Why nothing can be booked, and what could be offered instead (never booked without consent). */
export interface SlotUnavailable {
  readonly kind: 'unavailable';
  readonly reason: warmline.v1.AppointmentUnavailableReason;
  /** One human-readable sentence. */
  readonly detail: string;
  /** Nearest free slots outside the window, nearest first, one per start time. */
  readonly alternatives: readonly SlotProposal[];
}

/** The outcome of a slot search. */
export type SlotSearchResult = SlotFound | SlotUnavailable;

const Reason = v1.AppointmentUnavailableReason;

/**
 * The earliest slot that lies wholly inside the consent window and inside one working period of a
 * suitable closer (in the closer's zone), starts on the granularity grid at least the lead time
 * after now, and keeps the buffer from the closer's bookings. Equal starts go to the closer with
 * fewer bookings that day, then the lower id. Otherwise says why, with the nearest alternatives.
 * Throws InvalidAppointmentRequestError / InvalidCloserError / InvalidSchedulingOptionsError on bad
 * input.
 */
export function findSlot(
  request: SlotRequest,
  closers: readonly SchedulingCloser[],
  calendar: Calendar,
  options?: SchedulingOptions,
): SlotSearchResult {
  const opts = resolveSchedulingOptions(options);
  checkSlotRequest(request);
  checkDistinctCloserIds(closers);
  const { window, nowMs, durationMs } = request;
  const suitable = closers.filter((closer) => closerSuits(closer, request.needs));
  const alternatives = () =>
    nearestAlternatives(window, nowMs, durationMs, suitable, calendar, opts);

  if (!window) {
    return unavailable(
      Reason.APPOINTMENT_UNAVAILABLE_REASON_CONSENT_WINDOW_MISSING,
      'the buyer has not consented to a time window, so nothing can be booked',
      alternatives(),
    );
  }
  if (window.endMs <= nowMs) {
    return unavailable(
      Reason.APPOINTMENT_UNAVAILABLE_REASON_WINDOW_IN_PAST,
      `the consent window ended at ${iso(window.endMs)}, before now (${iso(nowMs)})`,
      alternatives(),
    );
  }
  if (suitable.length === 0) {
    return unavailable(
      Reason.APPOINTMENT_UNAVAILABLE_REASON_NO_SUITABLE_CLOSER,
      closers.length === 0
        ? 'no closers are known to the scheduler'
        : `no closer has ${describeNeeds(request.needs)}`,
      [],
    );
  }
  const found = earliestInWindow(window, request, suitable, calendar, opts);
  if (found) return { kind: 'slot', ...found.slot };
  return unavailable(
    Reason.APPOINTMENT_UNAVAILABLE_REASON_NO_SLOT_IN_WINDOW,
    `no suitable closer is free for ${Math.round(durationMs / 60_000)} min between ` +
      `${iso(window.startMs)} and ${iso(window.endMs)} (buyer zone ${window.timeZone})`,
    alternatives(),
  );
}

function earliestInWindow(
  window: ConsentWindow,
  request: SlotRequest,
  closers: readonly SchedulingCloser[],
  calendar: Calendar,
  opts: ReturnType<typeof resolveSchedulingOptions>,
): RankedSlot | null {
  const firstStart = Math.max(window.startMs, request.nowMs + opts.minLeadTimeMs);
  const lastStart = window.endMs - request.durationMs;
  const shape = {
    durationMs: request.durationMs,
    granularityMs: opts.granularityMs,
    bufferMs: opts.bufferMs,
  };
  const candidates: RankedSlot[] = [];
  for (const closer of closers) {
    const bookings = activeBookingsOf(calendar, closer.closerId);
    // Each closer's first free slot is all that can win: the earliest start wins overall.
    const first = freeSlots(closer, bookings, firstStart, lastStart, shape, 'forward').next();
    if (!first.done) candidates.push(rankSlot(first.value, closer, bookings, 0, 0));
  }
  return candidates.sort(compareRanked)[0] ?? null;
}

function unavailable(
  reason: warmline.v1.AppointmentUnavailableReason,
  detail: string,
  alternatives: readonly SlotProposal[],
): SlotUnavailable {
  return { kind: 'unavailable', reason, detail, alternatives };
}

function checkDistinctCloserIds(closers: readonly SchedulingCloser[]): void {
  const seen = new Set<string>();
  for (const { closerId } of closers) {
    if (seen.has(closerId)) {
      throw new InvalidCloserError(
        closerId,
        'closerId',
        'appears more than once in the closer list',
      );
    }
    seen.add(closerId);
  }
}

function describeNeeds(needs: CloserNeeds): string {
  const parts = [
    needs.skills?.length ? `skills [${needs.skills.join(', ')}]` : '',
    needs.language ? `language ${needs.language}` : '',
    needs.territory ? `territory ${needs.territory}` : '',
  ].filter((part) => part !== '');
  return parts.join(', ');
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
