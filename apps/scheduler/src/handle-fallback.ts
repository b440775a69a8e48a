// The use case behind the handoff handler: a live transfer that fell back to an appointment
// (HANDOFF_STATE_FALLBACK_APPOINTMENT) is booked under the live-transfer grant's fallback scope,
// with the brief the router built. Every other handoff event is the router's business.
import { Injectable } from '@nestjs/common';
import { v1, type warmline } from '@warmline/contracts';
import { BookAppointment } from './book-appointment.js';
import type { BookingResult } from './booking-step.js';

@Injectable()
export class HandleFallback {
  constructor(private readonly book: BookAppointment) {}

  /** Books the fallback appointment of a failed transfer; null for any other handoff event. */
  async execute(envelope: warmline.v1.IEnvelope): Promise<BookingResult | null> {
    const event = envelope.handoffEvent;
    if (event?.state !== v1.HandoffState.HANDOFF_STATE_FALLBACK_APPOINTMENT) return null;
    return this.book.execute(envelope, {
      grant: envelope.authority?.grant,
      decisionVersion: 0,
      fallback: {
        handoffId: event.handoffId ?? '',
        failureReason:
          event.failureReason ?? v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_UNSPECIFIED,
        brief: event.brief ?? null,
      },
    });
  }
}
