import { isValidId } from '@warmline/contracts';
import { checkInstant } from './consent-window.js';
import { InvalidAppointmentRequestError } from './errors.js';

/** A bookable (or booked) time with one closer, start inclusive, end exclusive, UTC ms. */
export interface Slot {
  readonly closerId: string;
  readonly startMs: number;
  readonly endMs: number;
}

/** A slot offered to the buyer as an alternative (the proto SlotProposal, in ms). */
export type SlotProposal = Slot;

/** Throws InvalidAppointmentRequestError (field `<field>.closerId` etc.) unless the slot is well formed. */
export function checkSlot(slot: Slot, field = 'slot'): void {
  if (!isValidId(slot.closerId)) {
    throw new InvalidAppointmentRequestError(
      `${field}.closerId`,
      'must match [A-Za-z0-9_-]{1,128}',
    );
  }
  checkInstant(slot.startMs, `${field}.startMs`);
  checkInstant(slot.endMs, `${field}.endMs`);
  if (slot.endMs <= slot.startMs) {
    throw new InvalidAppointmentRequestError(`${field}.endMs`, 'must be after the slot start');
  }
}
