// The seam between Warmline's telephony commands and whatever places the calls. The simulator's
// own network (SimulatedTelephony) sits behind it; a provider adapter (Twilio, a SIP platform)
// implements the same three methods and the command consumer stays as it is.
import type { warmline } from '@warmline/contracts';

/** Places and moves calls for Warmline's telephony commands, answering with CallProgress. */
export interface TelephonyAdapter {
  /** True when this adapter carries the call: commands for any other call are none of its business. */
  carries(interactionId: string): boolean;
  /**
   * Performs a command whose grant was verified, at most once per idempotency key, and reports what
   * happened on `callprogress`. Resolves once the immediate reports are published; later reports
   * (an answer after ringing) follow on their own.
   */
  perform(interactionId: string, command: warmline.v1.ITelephonyCommand): Promise<void>;
  /** Reports a command refused before any effect (its grant failed verification): FAILED with `detail`. */
  refuse(
    interactionId: string,
    command: warmline.v1.ITelephonyCommand,
    detail: string,
  ): Promise<void>;
}
