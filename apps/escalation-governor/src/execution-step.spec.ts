import { v1, type warmline } from '@warmline/contracts';
import { decideOn, HOUR_MS, INTERACTION_ID, qualifiedState, T0 } from './__fixtures__/governor.js';
import { executionReportOf } from './execution-report.js';
import { executionStep } from './execution-step.js';
import type { GovernedInteraction } from './governed-interaction.js';

const Handoff = v1.HandoffState;
const authorised = decideOn(null, qualifiedState(1))!.state;

function handoff(state: warmline.v1.HandoffState, grantId = 'grant-1'): warmline.v1.IEnvelope {
  return {
    eventId: `h-${state}`,
    interactionId: INTERACTION_ID,
    handoffEvent: { handoffId: 'h-1', grantId, state, attempt: 1 },
  };
}

function apply(current: GovernedInteraction | null, envelope: warmline.v1.IEnvelope) {
  const report = executionReportOf(envelope);
  return report && executionStep(current, report, T0 + 1_000, 1_000);
}

describe('executionStep', () => {
  it('marks the transfer started and keeps the grant (and its pending slot) while the router works', () => {
    const started = apply(authorised, handoff(Handoff.HANDOFF_STATE_REQUESTED))!;
    expect(started.state.record.phase).toBe('transferring');
    expect(started.state.grant?.grantId).toBe('grant-1');
    expect(started.result).toEqual({ phase: 'transferring', released: [], checkAtMs: null });
    expect(apply(started.state, handoff(Handoff.HANDOFF_STATE_RINGING))).toBeNull();
  });

  it('connects on a bridge (even one reported first), using up the grant and freeing the team slot', () => {
    const bridged = apply(authorised, handoff(Handoff.HANDOFF_STATE_BRIDGED))!;
    expect(bridged.state.record).toMatchObject({ phase: 'connected', activeGrant: null });
    expect(bridged.state.grant).toBeNull();
    expect(bridged.result.released).toEqual([{ team: 'default', grantId: 'grant-1' }]);
    expect(apply(bridged.state, handoff(Handoff.HANDOFF_STATE_BRIDGED))).toBeNull();
  });

  it('ignores attempt-level failures the router retries, and reports about other grants', () => {
    expect(executionReportOf(handoff(Handoff.HANDOFF_STATE_DECLINED))).toBeNull();
    expect(apply(authorised, handoff(Handoff.HANDOFF_STATE_BRIDGED, 'grant-other'))).toBeNull();
  });

  it('sends the buyer back to qualifying when the transfer fails or returns to the AI', () => {
    for (const state of [Handoff.HANDOFF_STATE_FAILED, Handoff.HANDOFF_STATE_RETURNED_TO_AI]) {
      const back = apply(authorised, handoff(state))!;
      expect(back.state.record).toMatchObject({ phase: 'qualifying', activeGrant: null });
    }
    expect(
      apply(authorised, handoff(Handoff.HANDOFF_STATE_CALLER_ABANDONED))!.state.record.phase,
    ).toBe('closed');
  });

  it('follows a fallback booking to its end: booked → scheduled, unavailable → back to qualifying', () => {
    const started = apply(authorised, handoff(Handoff.HANDOFF_STATE_REQUESTED))!.state;
    const fellBack = apply(started, handoff(Handoff.HANDOFF_STATE_FALLBACK_APPOINTMENT))!;
    expect(fellBack.state.grant?.booking).toBe(true);
    expect(fellBack.result.released).toEqual([{ team: 'default', grantId: 'grant-1' }]);
    expect(apply(fellBack.state, handoff(Handoff.HANDOFF_STATE_FALLBACK_APPOINTMENT))).toBeNull();

    const booked = apply(fellBack.state, {
      eventId: 'a-1',
      interactionId: INTERACTION_ID,
      appointmentEvent: { booked: { appointmentId: 'ap-1', grantId: 'grant-1' } },
    })!;
    expect(booked.state.record.phase).toBe('scheduled');

    const unavailable = apply(fellBack.state, {
      eventId: 'a-2',
      interactionId: INTERACTION_ID,
      appointmentEvent: { unavailable: { requestId: 'r-1' } },
    })!;
    expect(unavailable.state.record.phase).toBe('qualifying');
    expect(unavailable.state.record.windowWithoutSlot ?? null).toBeNull();
  });

  it("remembers the grant's consent window when it cannot be booked, and only then", () => {
    const started = apply(authorised, handoff(Handoff.HANDOFF_STATE_REQUESTED))!.state;
    const fellBack = apply(started, handoff(Handoff.HANDOFF_STATE_FALLBACK_APPOINTMENT))!.state;
    const Reason = v1.AppointmentUnavailableReason;
    const after = (reason: warmline.v1.AppointmentUnavailableReason) =>
      apply(fellBack, {
        eventId: `a-${reason}`,
        interactionId: INTERACTION_ID,
        appointmentEvent: { unavailable: { requestId: 'r-1', reason } },
      })!.state.record;
    for (const reason of [
      Reason.APPOINTMENT_UNAVAILABLE_REASON_NO_SLOT_IN_WINDOW,
      Reason.APPOINTMENT_UNAVAILABLE_REASON_WINDOW_IN_PAST,
    ]) {
      expect(after(reason)).toMatchObject({
        phase: 'qualifying',
        windowWithoutSlot: { startAtMs: T0 + 24 * HOUR_MS, endAtMs: T0 + 26 * HOUR_MS },
      });
    }
    // Another window would not help a campaign without a suitable closer.
    const unsuitable = after(Reason.APPOINTMENT_UNAVAILABLE_REASON_NO_SUITABLE_CLOSER);
    expect(unsuitable.phase).toBe('qualifying');
    expect(unsuitable.windowWithoutSlot ?? null).toBeNull();
  });

  it('does not let a failed booking end a live transfer that never fell back', () => {
    const started = apply(authorised, handoff(Handoff.HANDOFF_STATE_REQUESTED))!.state;
    const envelope = {
      eventId: 'a-3',
      interactionId: INTERACTION_ID,
      appointmentEvent: { unavailable: {} },
    };
    expect(apply(started, envelope)).toBeNull();
  });

  it('credits a failed booking that names its grant to that grant only', () => {
    const started = apply(authorised, handoff(Handoff.HANDOFF_STATE_REQUESTED))!.state;
    const unavailable = (grantId: string) => ({
      eventId: `a-${grantId}`,
      interactionId: INTERACTION_ID,
      appointmentEvent: {
        unavailable: {
          requestId: 'r-1',
          grantId,
          reason: v1.AppointmentUnavailableReason.APPOINTMENT_UNAVAILABLE_REASON_NO_SLOT_IN_WINDOW,
        },
      },
    });
    expect(apply(started, unavailable('grant-old'))).toBeNull();
    // Even before the router's FALLBACK_APPOINTMENT arrives: the report says which grant failed.
    const back = apply(started, unavailable('grant-1'))!;
    expect(back.state.record).toMatchObject({ phase: 'qualifying', activeGrant: null });
    expect(back.state.record.windowWithoutSlot).toMatchObject({ startAtMs: T0 + 24 * HOUR_MS });
  });

  it('does nothing for an interaction without a grant', () => {
    expect(apply(null, handoff(Handoff.HANDOFF_STATE_BRIDGED))).toBeNull();
  });
});
