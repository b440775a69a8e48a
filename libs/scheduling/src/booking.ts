/** Whether an appointment still holds its slot. */
export type BookingStatus = 'booked' | 'cancelled';

/** One appointment in a closer's calendar. Plain data: JSON round-trips it unchanged. */
export interface Booking {
  readonly appointmentId: string;
  readonly closerId: string;
  /** Start, UTC ms. */
  readonly startMs: number;
  /** End (exclusive), UTC ms. */
  readonly endMs: number;
  readonly status: BookingStatus;
  /** The key it was booked under: the same key never books twice. */
  readonly idempotencyKey: string;
  /** The AppointmentRequested it answers. */
  readonly requestId: string;
  /** The grant that authorised it. */
  readonly grantId: string;
  /** iCalendar SEQUENCE of its latest invite: 0 when booked, +1 per reschedule and on cancel. */
  readonly sequence: number;
  /** IANA zone of the buyer, for rendering times to them (invite, CRM summary). */
  readonly timeZone: string;
}
