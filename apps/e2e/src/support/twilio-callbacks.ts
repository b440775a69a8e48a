// Twilio's callbacks for one outbound call, as Twilio posts them (form fields of its StatusCallback
// and AsyncAmdStatusCallback), for the call outcomes the gateway must tell apart: a human answers, a
// voicemail picks up and beeps, a fax machine answers, or nobody answers.

/** How the call went. */
export type TwilioCallOutcome = 'human' | 'machine_end_beep' | 'fax' | 'no-answer';

/** One callback: the form fields Twilio posts. */
export type TwilioForm = Readonly<Record<string, string>>;

/**
 * The callbacks of an outbound call `callSid` that ends in `outcome`, in the order Twilio sends them:
 * status `initiated`, `ringing`, then `in-progress` with the async AMD verdict after it (human,
 * voicemail), `in-progress` carrying a synchronous AMD verdict and `completed` (fax), or `no-answer`.
 */
export function twilioCallbacks(callSid: string, outcome: TwilioCallOutcome): TwilioForm[] {
  let sequence = 0;
  const status = (callStatus: string, extra: Record<string, string> = {}): TwilioForm => ({
    AccountSid: 'AC00000000000000000000000000000000',
    ApiVersion: '2010-04-01',
    CallSid: callSid,
    CallStatus: callStatus,
    Direction: 'outbound-api',
    From: '+15005550006',
    To: '+12125550123',
    CallbackSource: 'call-progress-events',
    SequenceNumber: String(sequence++),
    Timestamp: new Date().toUTCString(),
    ...extra,
  });
  const amd = (answeredBy: string, detectionMs: number): TwilioForm => ({
    AccountSid: 'AC00000000000000000000000000000000',
    CallSid: callSid,
    AnsweredBy: answeredBy,
    MachineDetectionDuration: String(detectionMs),
  });
  const opening = [status('initiated'), status('ringing')];
  switch (outcome) {
    case 'human':
      return [...opening, status('in-progress'), amd('human', 1_850)];
    case 'machine_end_beep':
      return [...opening, status('in-progress'), amd('machine_end_beep', 4_200)];
    case 'fax':
      return [
        ...opening,
        status('in-progress', { AnsweredBy: 'fax', MachineDetectionDuration: '2300' }),
        status('completed', { CallDuration: '9' }),
      ];
    case 'no-answer':
      return [...opening, status('no-answer', { CallDuration: '0' })];
  }
}
