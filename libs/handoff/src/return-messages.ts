// What the AI agent tells the buyer when the live transfer does not happen. Honest: it says what
// went wrong in plain words and promises nothing the grant does not allow (a call-back is only
// offered when an appointment will actually be booked). English; the voice agent may translate.
import type { TransferFailure } from './failure.js';

/** The agent's line when the buyer goes back to the AI. */
export function returnToAiMessage(reason: TransferFailure): string {
  switch (reason) {
    case 'no_closer_available':
      return "None of our specialists are free right now, so I'll stay with you and we can keep going here.";
    case 'telephony_error':
      return "We hit a technical problem connecting you to a specialist, so I'll stay with you and we can keep going here.";
    case 'readiness_expired':
    case 'grant_expired':
      return "Connecting you is taking longer than it should, so rather than keep you waiting I'll stay with you.";
    case 'grant_invalid':
      return "I can't transfer this call right now, so I'll stay with you and we can keep going here.";
    default:
      return "None of our specialists could pick up right now, so I'll stay with you and we can keep going here.";
  }
}

/** The agent's line when a failed transfer falls back to booking an appointment. */
export function appointmentMessage(reason: TransferFailure): string {
  return reason === 'no_closer_available'
    ? "None of our specialists are free right now. Let's find a time that suits you for one of them to call."
    : "None of our specialists could pick up right now. Let's find a time that suits you for one of them to call.";
}
