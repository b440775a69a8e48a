import { v1 } from '@warmline/contracts';
import { emptyLedger, endReservation, expire, findReservation, reserve } from '@warmline/roster';
import {
  BRIEF,
  START,
  dialAndAnswer,
  dialAndRing,
  newHandoff,
  reserveBriefAccept,
  roster,
  startFlow,
  whisperAndBridge,
  type Flow,
} from './__fixtures__/flow.js';
import { advance } from './advance.js';
import {
  HandoffInputError,
  HandoffRefusedError,
  IllegalHandoffTransitionError,
  type HandoffRule,
} from './errors.js';
import { nextStep, type FallbackGrant } from './fallback.js';
import { bridgeAllowed, dialAllowed, openLegs, whisperAllowed } from './guards.js';
import { handoffEvent } from './handoff-event.js';
import { startHandoff, type Handoff } from './handoff.js';
import { recordCommand } from './record-command.js';
import { callerHungUp, releasePlan } from './release-plan.js';
import {
  bridgeCommand,
  commandContext,
  dialCloserCommand,
  holdCommand,
  returnToAgentCommand,
  whisperBriefCommand,
} from './telephony-plan.js';

const C = v1.FallbackCondition;
const A = v1.FallbackAction;
const GRANT: FallbackGrant = {
  maxAttempts: 2,
  fallbackRules: [
    { condition: C.FALLBACK_CONDITION_NO_ANSWER, action: A.FALLBACK_ACTION_NEXT_CLOSER },
    { condition: C.FALLBACK_CONDITION_VOICEMAIL, action: A.FALLBACK_ACTION_NEXT_CLOSER },
    { condition: C.FALLBACK_CONDITION_RESERVATION_TIMEOUT, action: A.FALLBACK_ACTION_NEXT_CLOSER },
    { condition: C.FALLBACK_CONDITION_TELEPHONY_ERROR, action: A.FALLBACK_ACTION_NEXT_CLOSER },
    {
      condition: C.FALLBACK_CONDITION_ATTEMPTS_EXHAUSTED,
      action: A.FALLBACK_ACTION_BOOK_APPOINTMENT,
    },
  ],
  scopes: ['transfer.live'],
  fallbackScopes: ['appointment.book'],
  readinessWindowMs: 120_000,
  readinessPeakAtMs: START - 10_000,
};

function refusedRule(run: () => unknown): HandoffRule {
  try {
    run();
  } catch (err) {
    if (err instanceof HandoffRefusedError) return err.rule;
    throw err;
  }
  throw new Error('expected a HandoffRefusedError');
}

function phases(handoff: Handoff): string[] {
  return handoff.timeline.map((e) => e.phase);
}

/** A warm flow up to `accepted` with ana on leg L1. */
function warmAnswered(): Flow {
  return dialAndAnswer(reserveBriefAccept(startFlow(), 'ana'), 'ana', 'L1');
}

/** A warm flow up to `ringing` with ana on leg L1. */
function warmRinging(): Flow {
  return dialAndRing(reserveBriefAccept(startFlow(), 'ana'), 'ana', 'L1');
}

describe('warm transfer, happy path', () => {
  const answered = warmAnswered();
  const done = whisperAndBridge(answered, 'ana', 'L1');

  it('goes reserved, briefing, ringing, accepted, bridged in that order', () => {
    expect(phases(done.handoff)).toEqual([
      'requested',
      'reserved',
      'briefing',
      'ringing',
      'accepted',
      'bridged',
    ]);
    const times = done.handoff.timeline.map((e) => e.atMs);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('issues hold, dial, whisper and bridge in that order, the whisper before the bridge', () => {
    expect(done.handoff.commandsIssued).toEqual([
      'h1:1:hold',
      'h1:1:dial',
      'h1:1:whisper',
      'h1:1:bridge',
    ]);
  });

  it('bridges only the reserved closer who accepted, and only once', () => {
    expect(bridgeAllowed(answered.handoff)).toBe(true);
    expect(done.handoff.timeline.at(-1)).toMatchObject({
      phase: 'bridged',
      closerId: 'ana',
      reservationId: 'h1-1',
      legId: 'L1',
    });
    expect(findReservation(done.ledger, 'h1-1')?.status).toBe('accepted');
    expect(bridgeAllowed(done.handoff)).toBe(false);
    const ctx = commandContext(done.handoff);
    // The same bridge command again is a no-op; a bridge anywhere else is refused.
    expect(recordCommand(done.handoff, bridgeCommand(ctx, 'L1'))).toBe(done.handoff);
    expect(
      refusedRule(() =>
        recordCommand(done.handoff, bridgeCommand(commandContext(done.handoff, 2), 'L1')),
      ),
    ).toBe('command_mismatch');
  });

  it('refuses a second bridge command for another leg before the first is reported', () => {
    const bridging = recordCommand(
      answered.handoff,
      whisperBriefCommand(commandContext(answered.handoff), 'ana', 'L1', BRIEF),
    );
    expect(
      refusedRule(() => recordCommand(bridging, bridgeCommand(commandContext(bridging), 'L2'))),
    ).toBe('bridge_not_allowed');
  });

  it('publishes one HandoffEvent per phase, with the brief from briefing on', () => {
    const events = done.handoff.timeline.map((entry) =>
      handoffEvent(done.handoff, { entry, brief: BRIEF }),
    );
    expect(events.map((e) => e.state)).toEqual([
      v1.HandoffState.HANDOFF_STATE_REQUESTED,
      v1.HandoffState.HANDOFF_STATE_RESERVED,
      v1.HandoffState.HANDOFF_STATE_BRIEFING,
      v1.HandoffState.HANDOFF_STATE_RINGING,
      v1.HandoffState.HANDOFF_STATE_ACCEPTED,
      v1.HandoffState.HANDOFF_STATE_BRIDGED,
    ]);
    expect(events.map((e) => e.brief != null)).toEqual([false, false, true, true, true, true]);
    expect(events.at(-1)).toMatchObject({
      handoffId: 'h1',
      grantId: 'g1',
      attempt: 1,
      mode: v1.TransferMode.TRANSFER_MODE_WARM,
      closerId: 'ana',
      reservationId: 'h1-1',
      legId: 'L1',
      failureReason: v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_UNSPECIFIED,
    });
    expect(() =>
      v1.HandoffEvent.encode(v1.HandoffEvent.fromObject(events.at(-1) ?? {})).finish(),
    ).not.toThrow();
  });

  it('returns the same handoff for repeated inputs (at-least-once delivery)', () => {
    const h = done.handoff;
    expect(advance(h, { type: 'bridged', legId: 'L1' }, START + 99)).toBe(h);
    expect(advance(answered.handoff, { type: 'closer_answered', legId: 'L1' }, START + 99)).toBe(
      answered.handoff,
    );
    const reserved = advance(
      newHandoff(),
      { type: 'closer_reserved', closerId: 'ana', reservationId: 'r1' },
      START,
    );
    expect(
      advance(
        reserved,
        { type: 'closer_reserved', closerId: 'ana', reservationId: 'r1' },
        START + 1,
      ),
    ).toBe(reserved);
    const briefing = advance(reserved, { type: 'brief_sent' }, START + 1);
    expect(advance(briefing, { type: 'brief_sent' }, START + 2)).toBe(briefing);
  });
});

describe('warm transfer, safety rules', () => {
  const accepted = reserveBriefAccept(startFlow(), 'ana');

  it('never dials a closer who was not reserved, nor before the reservation is accepted', () => {
    const ctx = commandContext(accepted.handoff);
    const dialBen = dialCloserCommand(ctx, {
      closerId: 'ben',
      address: 'sip:ben@desk',
      timeoutMs: 20_000,
    });
    expect(dialAllowed(accepted.handoff, 'ben')).toBe(false);
    expect(refusedRule(() => recordCommand(accepted.handoff, dialBen))).toBe('dial_not_allowed');

    let pending = advance(
      newHandoff(),
      { type: 'closer_reserved', closerId: 'ana', reservationId: 'r1' },
      START,
    );
    pending = advance(pending, { type: 'brief_sent' }, START + 1);
    const dialAna = dialCloserCommand(commandContext(pending), {
      closerId: 'ana',
      address: 'sip:ana@desk',
      timeoutMs: 20_000,
    });
    expect(dialAllowed(pending, 'ana')).toBe(false);
    expect(refusedRule(() => recordCommand(pending, dialAna))).toBe('dial_not_allowed');
  });

  it('refuses a ringing leg nobody dialled and a bridge report nobody commanded', () => {
    expect(
      refusedRule(() =>
        advance(accepted.handoff, { type: 'closer_ringing', legId: 'L9' }, START + 20),
      ),
    ).toBe('dial_not_allowed');
    const answered = warmAnswered();
    expect(
      refusedRule(() => advance(answered.handoff, { type: 'bridged', legId: 'L1' }, START + 30)),
    ).toBe('bridge_not_allowed');
    expect(
      refusedRule(() => advance(answered.handoff, { type: 'bridged', legId: 'L2' }, START + 30)),
    ).toBe('leg_mismatch');
  });

  it('does not whisper before the closer answers, and bridges only after they answer', () => {
    let ringing = recordCommand(accepted.handoff, holdCommand(commandContext(accepted.handoff)));
    ringing = recordCommand(
      ringing,
      dialCloserCommand(commandContext(ringing), {
        closerId: 'ana',
        address: 'sip:ana@desk',
        timeoutMs: 20_000,
      }),
    );
    ringing = advance(ringing, { type: 'closer_ringing', legId: 'L1' }, START + 20);
    expect(whisperAllowed(ringing)).toBe(false);
    expect(bridgeAllowed(ringing)).toBe(false);
    expect(
      refusedRule(() => recordCommand(ringing, bridgeCommand(commandContext(ringing), 'L1'))),
    ).toBe('bridge_not_allowed');
    expect(
      refusedRule(() =>
        recordCommand(ringing, whisperBriefCommand(commandContext(ringing), 'ana', 'L1', BRIEF)),
      ),
    ).toBe('whisper_not_allowed');
  });

  it('refuses failures that cannot happen where the attempt is', () => {
    expect(
      refusedRule(() =>
        advance(newHandoff(), { type: 'attempt_failed', failure: 'no_answer' }, START),
      ),
    ).toBe('failure_out_of_place');
    expect(
      refusedRule(() =>
        advance(newHandoff(), { type: 'attempt_failed', failure: 'telephony_error' }, START),
      ),
    ).toBe('failure_out_of_place');
    const answered = warmAnswered();
    expect(
      refusedRule(() =>
        advance(
          answered.handoff,
          { type: 'attempt_failed', failure: 'reservation_timeout' },
          START + 30,
        ),
      ),
    ).toBe('failure_out_of_place');
    expect(
      refusedRule(() =>
        advance(
          answered.handoff,
          { type: 'fallback', step: nextStep(answered.handoff, 'no_answer', GRANT, START) },
          START,
        ),
      ),
    ).toBe('no_attempt_failure');
  });

  it('refuses an acceptance of another reservation', () => {
    const reserved = advance(
      newHandoff(),
      { type: 'closer_reserved', closerId: 'ana', reservationId: 'r1' },
      START,
    );
    expect(
      refusedRule(() =>
        advance(reserved, { type: 'reservation_accepted', reservationId: 'r2' }, START + 1),
      ),
    ).toBe('reservation_mismatch');
  });
});

describe('fallback to the next closer', () => {
  it('tries ben after ana does not answer, then bridges ben', () => {
    const flow = warmRinging();
    const failed = advance(
      flow.handoff,
      { type: 'attempt_failed', failure: 'no_answer', legId: 'L1' },
      flow.now,
    );
    expect(failed.phase).toBe('no_answer');
    const plan = releasePlan(failed, 'attempt over');
    expect(plan.legsToCancel).toEqual([]); // a leg that rang out is already down
    expect(plan.reservationToEnd).toBe('h1-1');
    const ledger = endReservation(flow.ledger, 'h1-1', flow.now, 'attempt over');
    const step = nextStep(failed, 'no_answer', GRANT, flow.now);
    expect(step.action).toBe('next_closer');
    const retried = advance(failed, { type: 'fallback', step }, flow.now + 1);
    expect(retried).toMatchObject({
      phase: 'requested',
      attempt: 2,
      current: null,
      triedCloserIds: ['ana'],
    });
    expect(handoffEvent(retried)).toMatchObject({
      state: v1.HandoffState.HANDOFF_STATE_REQUESTED,
      attempt: 2,
      failureReason: v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_NO_ANSWER,
      fallbackAction: A.FALLBACK_ACTION_NEXT_CLOSER,
    });
    expect(
      refusedRule(() =>
        advance(
          retried,
          { type: 'closer_reserved', closerId: 'ana', reservationId: 'h1-2' },
          flow.now + 2,
        ),
      ),
    ).toBe('closer_already_tried');

    let second: Flow = { handoff: retried, ledger, now: flow.now + 2 };
    second = reserveBriefAccept(second, 'ben');
    // Late news about ana's leg changes nothing now.
    expect(advance(second.handoff, { type: 'closer_answered', legId: 'L1' }, second.now)).toBe(
      second.handoff,
    );
    second = whisperAndBridge(dialAndAnswer(second, 'ben', 'L2'), 'ben', 'L2');
    expect(second.handoff.triedCloserIds).toEqual(['ana', 'ben']);
    expect(phases(second.handoff)).toEqual([
      'requested',
      'reserved',
      'briefing',
      'ringing',
      'no_answer',
      'requested',
      'reserved',
      'briefing',
      'ringing',
      'accepted',
      'bridged',
    ]);
    expect(second.handoff.timeline.at(-1)).toMatchObject({
      attempt: 2,
      closerId: 'ben',
      reservationId: 'h1-2',
    });
    expect(second.handoff.commandsIssued.filter((k) => k.endsWith(':bridge'))).toEqual([
      'h1:2:bridge',
    ]);
  });

  it('cancels a leg left on the closer voicemail before moving on', () => {
    const flow = warmRinging();
    const failed = advance(
      flow.handoff,
      { type: 'attempt_failed', failure: 'voicemail_at_closer', legId: 'L1' },
      flow.now,
    );
    expect(failed.phase).toBe('voicemail_at_closer');
    const plan = releasePlan(failed, 'voicemail');
    expect(plan.cancelCommands.map((c) => [c.idempotencyKey, c.cancel?.legId])).toEqual([
      ['h1:1:cancel', 'L1'],
    ]);
    const cancelled = plan.cancelCommands.reduce(recordCommand, failed);
    expect(openLegs(cancelled)).toEqual([]);
  });

  it('times out a reservation nobody answered and moves the attempt to no_answer', () => {
    let handoff = advance(
      startFlow().handoff,
      { type: 'closer_reserved', closerId: 'ana', reservationId: 'h1-1' },
      START,
    );
    handoff = advance(handoff, { type: 'brief_sent' }, START + 1);
    const flow = reserveOnly(handoff);
    const { expired } = expire(flow.ledger, START + 15_000);
    expect(expired.map((r) => r.id)).toEqual(['h1-1']);
    const timedOut = advance(
      handoff,
      { type: 'attempt_failed', failure: 'reservation_timeout', reservationId: 'h1-1' },
      START + 15_000,
    );
    expect(timedOut.timeline.at(-1)).toMatchObject({
      phase: 'no_answer',
      reason: 'reservation_timeout',
      closerId: 'ana',
    });
    expect(handoffEvent(timedOut).failureReason).toBe(
      v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_RESERVATION_TIMEOUT,
    );
  });

  it('moves on after a telephony error without inventing a phase for it', () => {
    const answered = warmAnswered();
    const broken = advance(
      answered.handoff,
      { type: 'attempt_failed', failure: 'telephony_error', legId: 'L1', detail: 'SIP 500' },
      answered.now,
    );
    expect(broken.phase).toBe('accepted');
    expect(broken.attemptFailure).toBe('telephony_error');
    expect(bridgeAllowed(broken)).toBe(false); // a failed attempt never bridges
    expect(whisperAllowed(broken)).toBe(false);
    expect(
      refusedRule(() => recordCommand(broken, bridgeCommand(commandContext(broken), 'L1'))),
    ).toBe('bridge_not_allowed');
    expect(releasePlan(broken, 'telephony error').legsToCancel.map((l) => l.legId)).toEqual(['L1']);
    const retried = advance(
      broken,
      { type: 'fallback', step: nextStep(broken, 'telephony_error', GRANT, answered.now) },
      answered.now + 1,
    );
    expect(retried).toMatchObject({ phase: 'requested', attempt: 2 });
    expect(retried.timeline.at(-1)).toMatchObject({
      reason: 'telephony_error',
      fallbackAction: 'next_closer',
    });
  });

  it('books an appointment when the attempts are used up', () => {
    const flow = warmRinging();
    const failed = advance(
      flow.handoff,
      { type: 'attempt_failed', failure: 'closer_busy' },
      flow.now,
    );
    const step = nextStep(failed, 'closer_busy', { ...GRANT, maxAttempts: 1 }, flow.now);
    const booked = advance(failed, { type: 'fallback', step }, flow.now + 1);
    expect(booked.phase).toBe('fallback_appointment');
    expect(handoffEvent(booked)).toMatchObject({
      state: v1.HandoffState.HANDOFF_STATE_FALLBACK_APPOINTMENT,
      failureReason: v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_ATTEMPTS_EXHAUSTED,
      fallbackAction: A.FALLBACK_ACTION_BOOK_APPOINTMENT,
    });
    expect(advance(booked, { type: 'fallback', step }, flow.now + 2)).toBe(booked);
  });

  it('returns the buyer to the AI when nobody is available and says so', () => {
    const h = newHandoff();
    const step = nextStep(h, 'no_closer_available', { ...GRANT, fallbackScopes: [] }, START);
    const back = advance(h, { type: 'fallback', step }, START + 1);
    expect(back.phase).toBe('returned_to_ai');
    expect(handoffEvent(back).detail).toBe(step.message);
    const told = recordCommand(
      back,
      returnToAgentCommand(commandContext(back), step.message ?? ''),
    );
    expect(told.commandsIssued).toEqual(['h1:1:return_to_agent']);
  });
});

describe('caller hang-up', () => {
  it('abandons a ringing transfer, cancels the leg and ends the reservation', () => {
    const flow = warmRinging();
    const { handoff, legsToCancel, cancelCommands, reservationToEnd } = callerHungUp(
      flow.handoff,
      flow.now,
    );
    expect(handoff.phase).toBe('caller_abandoned');
    expect(handoff.timeline.at(-1)?.reason).toBe('caller_hung_up');
    expect(legsToCancel.map((l) => l.legId)).toEqual(['L1']);
    expect(cancelCommands.map((c) => c.idempotencyKey)).toEqual(['h1:1:cancel']);
    expect(reservationToEnd).toBe('h1-1');
    expect(
      findReservation(endReservation(flow.ledger, 'h1-1', flow.now, 'caller hung up'), 'h1-1')
        ?.status,
    ).toBe('released');
    expect(cancelCommands.reduce(recordCommand, handoff).phase).toBe('caller_abandoned');
  });

  it('abandons before any closer was reserved with nothing to undo', () => {
    const result = callerHungUp(newHandoff(), START + 1);
    expect(result.handoff.phase).toBe('caller_abandoned');
    expect(result.legsToCancel).toEqual([]);
    expect(result.reservationToEnd).toBeNull();
  });

  it('changes nothing once the handoff is over', () => {
    const done = whisperAndBridge(warmAnswered(), 'ana', 'L1');
    const after = callerHungUp(done.handoff, done.now);
    expect(after.handoff).toBe(done.handoff);
    expect(after.cancelCommands).toEqual([]);
    expect(advance(done.handoff, { type: 'caller_hung_up' }, done.now)).toBe(done.handoff);
  });
});

describe('cold transfer', () => {
  it('goes requested, ringing, accepted, bridged with no reservation and no whisper', () => {
    const answered = dialAndAnswer(startFlow('cold'), 'ana', 'L1');
    expect(whisperAllowed(answered.handoff)).toBe(false);
    expect(
      refusedRule(() =>
        recordCommand(
          answered.handoff,
          whisperBriefCommand(commandContext(answered.handoff), 'ana', 'L1', BRIEF),
        ),
      ),
    ).toBe('whisper_not_allowed');
    const done = whisperAndBridge(answered, 'ana', 'L1');
    expect(phases(done.handoff)).toEqual(['requested', 'ringing', 'accepted', 'bridged']);
    expect(done.handoff.commandsIssued).toEqual(['h1:1:hold', 'h1:1:dial', 'h1:1:bridge']);
    expect(done.handoff.timeline.at(-1)).toMatchObject({ closerId: 'ana', reservationId: null });
    expect(handoffEvent(done.handoff, { brief: BRIEF }).brief).toBeNull();
  });

  it('cannot reserve or brief', () => {
    expect(() =>
      advance(
        newHandoff('cold'),
        { type: 'closer_reserved', closerId: 'ana', reservationId: 'r1' },
        START,
      ),
    ).toThrow(IllegalHandoffTransitionError);
  });

  it('never dials the same closer twice in one handoff', () => {
    const answered = dialAndAnswer(startFlow('cold'), 'ana', 'L1');
    const failed = advance(
      answered.handoff,
      { type: 'attempt_failed', failure: 'closer_declined', legId: 'L1' },
      answered.now,
    );
    const retried = advance(
      failed,
      { type: 'fallback', step: nextStep(failed, 'no_answer', GRANT, answered.now) },
      answered.now + 1,
    );
    expect(dialAllowed(retried, 'ana')).toBe(false);
    expect(dialAllowed(retried, 'ben')).toBe(true);
  });
});

describe('recordCommand', () => {
  const h = newHandoff();

  it('refuses a command of another handoff or with a foreign key', () => {
    const other = holdCommand({ handoffId: 'h2', grantId: 'g1', attempt: 1 });
    expect(refusedRule(() => recordCommand(h, other))).toBe('command_mismatch');
    expect(
      refusedRule(() =>
        recordCommand(h, { ...holdCommand(commandContext(h)), idempotencyKey: 'h1:1:dial' }),
      ),
    ).toBe('command_mismatch');
  });

  it('refuses to cancel a leg this handoff never dialled and a command with no verb', () => {
    const cancel = {
      commandId: 'h1:1:cancel',
      idempotencyKey: 'h1:1:cancel',
      grantId: 'g1',
      handoffId: 'h1',
      cancel: { legId: 'X' },
    };
    expect(refusedRule(() => recordCommand(h, cancel))).toBe('leg_mismatch');
    expect(() =>
      recordCommand(h, { commandId: 'h1:1:hold', handoffId: 'h1', grantId: 'g1' }),
    ).toThrow(HandoffInputError);
  });
});

describe('startHandoff', () => {
  it('refuses bad ids and modes', () => {
    expect(() =>
      startHandoff({ id: 'h:1', grantId: 'g1', interactionId: 'c', mode: 'warm', atMs: START }),
    ).toThrow(expect.objectContaining({ field: 'id' }));
    expect(() =>
      startHandoff({
        id: 'h1',
        grantId: 'g1',
        interactionId: 'c',
        mode: 'tepid' as 'warm',
        atMs: START,
      }),
    ).toThrow(expect.objectContaining({ field: 'mode' }));
  });
});

// A flow whose ledger holds ana's reservation h1-1 still pending (nobody answered yet).
function reserveOnly(handoff: Handoff): Flow {
  const ledger = reserve(
    emptyLedger(),
    'ana',
    { id: 'h1-1', handoffId: 'h1', attempt: 1, expiresAtMs: START + 15_000 },
    roster(),
    START,
  );
  return { handoff, ledger, now: START };
}
