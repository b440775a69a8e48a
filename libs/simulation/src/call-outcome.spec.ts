import { classifyOutcome, type CallFacts } from './call-outcome.js';

const NOTHING: CallFacts = {
  bridged: false,
  droppedInRequalification: false,
  appointmentBooked: false,
  appointmentUnavailable: false,
  returnedToAi: false,
  transferFailed: false,
  buyerAbandoned: false,
  timedOut: false,
  reachedVoicemail: false,
  lastDecision: null,
};

describe('classifyOutcome', () => {
  it.each<[Partial<CallFacts>, string]>([
    [{ bridged: true, buyerAbandoned: true }, 'bridged'],
    [{ bridged: true, droppedInRequalification: true }, 'dropped_in_requalification'],
    [{ appointmentBooked: true, returnedToAi: true }, 'appointment'],
    [{ returnedToAi: true, buyerAbandoned: true }, 'returned_to_ai'],
    [{ transferFailed: true, appointmentUnavailable: true }, 'transfer_failed'],
    [{ appointmentUnavailable: true, buyerAbandoned: true }, 'appointment_unavailable'],
    [{ buyerAbandoned: true, lastDecision: 'hold' }, 'abandoned'],
    [{ timedOut: true, reachedVoicemail: true }, 'timed_out'],
    [{ reachedVoicemail: true, lastDecision: 'deny' }, 'voicemail'],
    [{ lastDecision: 'deny' }, 'denied'],
    [{ lastDecision: 'hold' }, 'held_no_escalation'],
    [{}, 'held_no_escalation'],
  ])('%j → %s', (facts, outcome) => {
    expect(classifyOutcome({ ...NOTHING, ...facts })).toBe(outcome);
  });
});
