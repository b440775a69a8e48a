import { HandoffRefusedError } from '@warmline/handoff';
import { v1, type warmline } from '@warmline/contracts';
import {
  Bench,
  SETTINGS,
  T0,
  VERIFIER,
  decision,
  intentState,
  issueGrant,
  progress,
  seatFor,
} from './__fixtures__/transfer.js';
import { acceptStep, rejectStep } from './answer-steps.js';
import { coldDialStep, needsCloser, noCloserStep, reservedStep } from './attempt-steps.js';
import { callProgressStep } from './call-progress-step.js';
import { deadlineStep } from './deadline-step.js';
import { grantStep } from './grant-step.js';
import { releasesDoneStep } from './releases-step.js';

const P = v1.CallProgressState;

function started(overrides: Parameters<typeof issueGrant>[0] = {}): Bench {
  const bench = new Bench();
  const envelope = decision(issueGrant(overrides));
  bench.run((current) =>
    grantStep(
      current,
      { envelope, intent: intentState(), verifier: VERIFIER, settings: SETTINGS },
      bench.ctx(),
    ),
  );
  return bench;
}

function reserveAndAccept(bench: Bench, closerId: string): string {
  const seat = seatFor(bench, closerId);
  bench.run((current) =>
    reservedStep(current, { reservation: seat, address: `sip:${closerId}` }, bench.ctx()),
  );
  bench.now += 500;
  bench.run((current) => acceptStep(current, { reservationId: seat.id, reason: '' }, bench.ctx()));
  return seat.id;
}

function report(bench: Bench, state: warmline.v1.CallProgressState, legId = 'leg-1') {
  bench.now += 200;
  return bench.run((current) =>
    callProgressStep(current, progress(bench, state, legId), bench.ctx()),
  );
}

describe('a warm transfer', () => {
  it('reserves, briefs, rings, accepts and bridges, in that order, the brief before the bridge', () => {
    const bench = started();
    reserveAndAccept(bench, 'closer-a');
    report(bench, P.CALL_PROGRESS_STATE_RINGING);
    report(bench, P.CALL_PROGRESS_STATE_ANSWERED);
    report(bench, P.CALL_PROGRESS_STATE_WHISPER_COMPLETED);
    report(bench, P.CALL_PROGRESS_STATE_BRIDGED);
    expect(bench.states()).toEqual([
      'REQUESTED',
      'RESERVED',
      'BRIEFING',
      'RINGING',
      'ACCEPTED',
      'BRIDGED',
    ]);
    expect(bench.reservationStates()).toEqual(['PENDING', 'ACCEPTED']);
    expect(bench.commands()).toEqual(['hold@1', 'dial@1', 'whisper@1', 'bridge@1']);
    const order = bench
      .published()
      .map((e) =>
        e.handoffEvent ? `H:${e.handoffEvent.state}` : e.telephonyCommand?.bridge ? 'bridge' : '-',
      );
    expect(order.indexOf(`H:${v1.HandoffState.HANDOFF_STATE_BRIEFING}`)).toBeLessThan(
      order.indexOf('bridge'),
    );
  });

  it('puts every validated marker with the buyer’s words in the brief, and nothing exploratory', () => {
    const bench = started();
    reserveAndAccept(bench, 'closer-a');
    const pending = bench.published().find((e) => e.reservationEvent)!.reservationEvent!;
    const kinds = pending.brief!.validatedMarkers!.map((m) => m.kind);
    expect(kinds).toEqual([
      v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED,
      v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION,
    ]);
    expect(pending.brief!.validatedMarkers![0]!.quotes).toEqual([
      'We want panels on the south roof',
    ]);
    const briefing = bench
      .published()
      .find((e) => e.handoffEvent?.state === v1.HandoffState.HANDOFF_STATE_BRIEFING)!;
    expect(briefing.handoffEvent!.brief!.text).toContain('Sure, put me through');
  });

  it('carries the grant on every command, keyed <handoff>:<attempt>:<verb>', () => {
    const bench = started();
    reserveAndAccept(bench, 'closer-a');
    const commands = bench.published().filter((e) => e.telephonyCommand);
    for (const envelope of commands) {
      expect(envelope.authority?.grant?.signature).toHaveLength(64);
      const key = envelope.telephonyCommand!.idempotencyKey!;
      expect(envelope.telephonyCommand!.commandId).toBe(key);
      expect(envelope.eventId).toBe(`tel-${key.replace(/:/g, '_')}`);
    }
    expect(commands[1]!.telephonyCommand!.dialCloser).toMatchObject({
      closerId: 'closer-a',
      timeoutMs: SETTINGS.dialTimeoutMs,
    });
  });

  it('does not dial before the desk accepted the reservation', () => {
    const bench = started();
    const seat = seatFor(bench, 'closer-a');
    bench.run((current) => reservedStep(current, { reservation: seat, address: 'x' }, bench.ctx()));
    expect(bench.commands()).toEqual([]);
    expect(bench.record!.transfer!.deadline).toMatchObject({
      kind: 'reservation',
      atMs: seat.expiresAtMs,
    });
  });

  it('tries the next closer when the desk rejects, then books an appointment when attempts run out', () => {
    const bench = started();
    const first = seatFor(bench, 'closer-a');
    bench.run((current) =>
      reservedStep(current, { reservation: first, address: 'x' }, bench.ctx()),
    );
    bench.run((current) =>
      rejectStep(current, { reservationId: first.id, reason: 'busy' }, bench.ctx()),
    );
    expect(bench.states().slice(-2)).toEqual(['DECLINED', 'REQUESTED']);
    expect(bench.lastEvent()).toMatchObject({
      attempt: 2,
      failureReason: v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_RESERVATION_REJECTED,
      fallbackAction: v1.FallbackAction.FALLBACK_ACTION_NEXT_CLOSER,
    });
    expect(bench.reservationStates()).toEqual(['PENDING', 'REJECTED']);
    expect(bench.record!.releases).toEqual([
      expect.objectContaining({ closerId: 'closer-a', outcome: 'rejected' }),
    ]);
    expect(needsCloser(bench.record!.transfer!)).toBe(true);

    reserveAndAccept(bench, 'closer-b');
    report(bench, P.CALL_PROGRESS_STATE_RINGING, 'leg-b');
    report(bench, P.CALL_PROGRESS_STATE_NO_ANSWER, 'leg-b');
    expect(bench.states().slice(-2)).toEqual(['NO_ANSWER', 'FALLBACK_APPOINTMENT']);
    const appointment = bench.published().at(-2)!;
    expect(appointment.handoffEvent).toMatchObject({
      failureReason: v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_ATTEMPTS_EXHAUSTED,
      fallbackAction: v1.FallbackAction.FALLBACK_ACTION_BOOK_APPOINTMENT,
    });
    expect(appointment.handoffEvent!.brief?.validatedMarkers).toHaveLength(2);
    expect(appointment.authority?.grant?.claims).toBeDefined();
    // The buyer was on hold: the AI takes the call back to set up the appointment.
    expect(bench.commands().at(-1)).toBe('return_to_agent@2');
  });

  it('cancels the closer’s leg on voicemail and moves on with the typed reason', () => {
    const bench = started();
    reserveAndAccept(bench, 'closer-a');
    report(bench, P.CALL_PROGRESS_STATE_RINGING);
    report(bench, P.CALL_PROGRESS_STATE_VOICEMAIL);
    expect(bench.states().slice(-2)).toEqual(['VOICEMAIL_AT_CLOSER', 'REQUESTED']);
    expect(bench.commands().slice(-1)).toEqual(['cancel@1']);
    expect(bench.reservationStates().at(-1)).toBe('RESCINDED');
  });

  it('times a reservation out at its deadline: NO_ANSWER with RESERVATION_TIMEOUT, then the next closer', () => {
    const bench = started();
    const seat = seatFor(bench, 'closer-a', 2_000);
    bench.run((current) => reservedStep(current, { reservation: seat, address: 'x' }, bench.ctx()));
    bench.now += 1_999;
    expect(bench.run((current) => deadlineStep(current, bench.ctx()))).toBeNull();
    bench.now += 1;
    bench.run((current) => deadlineStep(current, bench.ctx()));
    expect(bench.states().slice(-2)).toEqual(['NO_ANSWER', 'REQUESTED']);
    const noAnswer = bench
      .published()
      .find((e) => e.handoffEvent?.state === v1.HandoffState.HANDOFF_STATE_NO_ANSWER)!;
    expect(noAnswer.handoffEvent!.failureReason).toBe(
      v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_RESERVATION_TIMEOUT,
    );
    expect(bench.reservationStates()).toEqual(['PENDING', 'TIMEOUT']);
    expect(bench.record!.releases[0]).toMatchObject({ outcome: 'timeout' });
  });

  it('gives up on a dial telephony never reports on, cancelling the leg', () => {
    const bench = started();
    reserveAndAccept(bench, 'closer-a');
    report(bench, P.CALL_PROGRESS_STATE_RINGING);
    bench.now += SETTINGS.dialTimeoutMs + SETTINGS.ringGraceMs;
    bench.run((current) => deadlineStep(current, bench.ctx()));
    expect(bench.states().slice(-2)).toEqual(['NO_ANSWER', 'REQUESTED']);
    expect(bench.commands().at(-1)).toBe('cancel@1');
  });

  it('cancels the ringing leg and releases the reservation when the caller hangs up', () => {
    const bench = started();
    reserveAndAccept(bench, 'closer-a');
    report(bench, P.CALL_PROGRESS_STATE_RINGING);
    report(bench, P.CALL_PROGRESS_STATE_CALLER_HUNG_UP, '');
    expect(bench.states().at(-1)).toBe('CALLER_ABANDONED');
    expect(bench.lastEvent().failureReason).toBe(
      v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_CALLER_HUNG_UP,
    );
    expect(bench.commands().at(-1)).toBe('cancel@1');
    expect(bench.reservationStates().at(-1)).toBe('RESCINDED');
    expect(bench.record!.releases).toEqual([expect.objectContaining({ outcome: 'ended' })]);
    expect(bench.record!.transfer!.deadline).toBeNull();
  });

  it('ignores a closer answering just after the buyer hung up (the race is no error)', () => {
    const bench = started();
    reserveAndAccept(bench, 'closer-a');
    report(bench, P.CALL_PROGRESS_STATE_RINGING);
    report(bench, P.CALL_PROGRESS_STATE_CALLER_HUNG_UP, '');
    const before = bench.effects.length;
    expect(report(bench, P.CALL_PROGRESS_STATE_ANSWERED)).toBeNull();
    expect(bench.states().at(-1)).toBe('CALLER_ABANDONED');
    expect(bench.effects).toHaveLength(before);
  });

  it('frees the closer’s seat when the bridged call ends', () => {
    const bench = started();
    reserveAndAccept(bench, 'closer-a');
    for (const s of [
      P.CALL_PROGRESS_STATE_RINGING,
      P.CALL_PROGRESS_STATE_ANSWERED,
      P.CALL_PROGRESS_STATE_WHISPER_COMPLETED,
      P.CALL_PROGRESS_STATE_BRIDGED,
    ]) {
      report(bench, s);
    }
    report(bench, P.CALL_PROGRESS_STATE_CALLER_HUNG_UP, '');
    expect(bench.states().at(-1)).toBe('BRIDGED');
    expect(bench.reservationStates()).toEqual(['PENDING', 'ACCEPTED', 'RESCINDED']);
    expect(bench.record!.releases).toHaveLength(1);
    bench.run((current) => releasesDoneStep(current, current!.releases));
    expect(bench.record!.releases).toEqual([]);
  });

  it('dead-letters a bridge nobody commanded (the report is refused, nothing changes)', () => {
    const bench = started();
    reserveAndAccept(bench, 'closer-a');
    report(bench, P.CALL_PROGRESS_STATE_RINGING);
    report(bench, P.CALL_PROGRESS_STATE_ANSWERED);
    expect(() => report(bench, P.CALL_PROGRESS_STATE_BRIDGED)).toThrow(HandoffRefusedError);
    expect(bench.states().at(-1)).toBe('ACCEPTED');
  });

  it('does not fail the attempt on a failed cancel or a late failure about an earlier attempt', () => {
    const bench = started();
    reserveAndAccept(bench, 'closer-a');
    report(bench, P.CALL_PROGRESS_STATE_RINGING);
    report(bench, P.CALL_PROGRESS_STATE_VOICEMAIL);
    reserveAndAccept(bench, 'closer-b');
    const handoffId = bench.record!.transfer!.handoff.id;
    const before = bench.effects.length;
    for (const commandId of [`${handoffId}:1:cancel`, `${handoffId}:1:dial`]) {
      bench.run((current) =>
        callProgressStep(
          current,
          { handoffId, commandId, state: P.CALL_PROGRESS_STATE_FAILED },
          bench.ctx(),
        ),
      );
    }
    expect(bench.effects).toHaveLength(before);
    expect(bench.record!.transfer!.handoff.attemptFailure).toBeNull();
    bench.run((current) =>
      callProgressStep(
        current,
        { handoffId, commandId: `${handoffId}:2:dial`, state: P.CALL_PROGRESS_STATE_FAILED },
        bench.ctx(),
      ),
    );
    expect(bench.record!.transfer!.handoff.attemptFailure).toBe('telephony_error');
  });

  it('ignores reports about another handoff (e.g. the scheduler’s commands)', () => {
    const bench = started();
    reserveAndAccept(bench, 'closer-a');
    const before = bench.effects.length;
    expect(
      bench.run((current) =>
        callProgressStep(
          current,
          { handoffId: 'other', legId: 'x', state: P.CALL_PROGRESS_STATE_BRIDGED },
          bench.ctx(),
        ),
      ),
    ).toBeNull();
    expect(bench.effects).toHaveLength(before);
  });

  it('never dials once the grant has expired: back to the AI with GRANT_EXPIRED', () => {
    const bench = started({ ttlMs: 5_000 });
    const seat = seatFor(bench, 'closer-a');
    bench.run((current) => reservedStep(current, { reservation: seat, address: 'x' }, bench.ctx()));
    bench.now = T0 + 6_000;
    bench.run((current) =>
      acceptStep(current, { reservationId: seat.id, reason: '' }, bench.ctx()),
    );
    expect(bench.commands()).toEqual(['return_to_agent@1']);
    expect(bench.states().at(-1)).toBe('RETURNED_TO_AI');
    expect(bench.lastEvent().failureReason).toBe(
      v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_GRANT_EXPIRED,
    );
  });
});

describe('no closer available', () => {
  it('books an appointment at once, without ever holding the buyer', () => {
    const bench = started();
    bench.run((current) => noCloserStep(current, 1, bench.ctx()));
    expect(bench.states()).toEqual(['REQUESTED', 'FALLBACK_APPOINTMENT']);
    expect(bench.lastEvent().failureReason).toBe(
      v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_NO_CLOSER_AVAILABLE,
    );
    expect(bench.commands()).toEqual([]);
  });

  it('returns the buyer to the AI with an honest line when the grant does not allow an appointment', () => {
    const bench = started({ fallbackScopes: [] });
    bench.run((current) => noCloserStep(current, 1, bench.ctx()));
    expect(bench.states().at(-1)).toBe('RETURNED_TO_AI');
    expect(bench.lastEvent().detail).toMatch(/stay with you/);
    expect(bench.commands()).toEqual(['return_to_agent@1']);
  });
});

describe('a cold transfer', () => {
  it('dials at once with no desk request and no brief, and bridges on answer', () => {
    const bench = started({ transferMode: v1.TransferMode.TRANSFER_MODE_COLD });
    const reservation = seatFor(bench, 'closer-a');
    bench.run((current) =>
      coldDialStep(current, 1, { reservation, address: 'sip:a' }, bench.ctx()),
    );
    expect(bench.commands()).toEqual(['hold@1', 'dial@1']);
    report(bench, P.CALL_PROGRESS_STATE_RINGING);
    report(bench, P.CALL_PROGRESS_STATE_ANSWERED);
    report(bench, P.CALL_PROGRESS_STATE_BRIDGED);
    expect(bench.states()).toEqual(['REQUESTED', 'RINGING', 'ACCEPTED', 'BRIDGED']);
    expect(bench.commands()).toEqual(['hold@1', 'dial@1', 'bridge@1']);
    // No PENDING request to a desk: the seat is held without asking.
    expect(bench.reservationStates()).not.toContain('PENDING');
    const events = bench.published().flatMap((e) => (e.handoffEvent ? [e.handoffEvent] : []));
    expect(events.every((e) => e.mode === v1.TransferMode.TRANSFER_MODE_COLD && !e.brief)).toBe(
      true,
    );
  });

  it("holds the closer's seat for the call and frees it when the attempt ends", () => {
    const bench = started({ transferMode: v1.TransferMode.TRANSFER_MODE_COLD });
    const reservation = seatFor(bench, 'closer-a');
    bench.run((current) =>
      coldDialStep(current, 1, { reservation, address: 'sip:a' }, bench.ctx()),
    );
    expect(bench.record?.transfer?.reservation).toMatchObject({
      id: reservation.id,
      accepted: true,
    });
    report(bench, P.CALL_PROGRESS_STATE_RINGING);
    report(bench, P.CALL_PROGRESS_STATE_DECLINED);
    expect(bench.record?.releases).toEqual([
      expect.objectContaining({ closerId: 'closer-a', reservationId: reservation.id }),
    ]);
  });
});
