import { v1, warmline } from '@warmline/contracts';
import fc from 'fast-check';
import { context } from './__fixtures__/scheduler-fixtures.js';
import {
  expectedIntentVersion,
  interactionKey,
  isRevoked,
  noteIntentVersionStep,
  refusalStep,
  revokeGrantStep,
  type InteractionRecord,
} from './interaction-step.js';

const record = (intentVersion: number, revokedGrantIds: string[] = []): InteractionRecord => ({
  interactionId: 'call-1',
  intentVersion,
  revokedGrantIds,
});

describe('interaction record', () => {
  it('keys the checkpoint by interaction', () => {
    expect(interactionKey('call-1')).toBe('scheduler.interaction.call-1');
  });

  it('expects at least the highest version seen, or the carrying decision’s when newer', () => {
    expect(expectedIntentVersion(null)).toBe(0);
    expect(expectedIntentVersion(record(4), 2)).toBe(4);
    expect(expectedIntentVersion(record(4), 6)).toBe(6);
  });

  it('only ever raises the remembered version', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 50 }), { maxLength: 20 }), (versions) => {
        let current: InteractionRecord | null = null;
        for (const version of versions) {
          const step = noteIntentVersionStep(current, 'call-1', version);
          if (step) {
            expect(step.state.intentVersion).toBeGreaterThan(current?.intentVersion ?? 0);
            current = step.state;
          }
        }
        expect(current?.intentVersion ?? 0).toBe(Math.max(0, ...versions));
      }),
    );
  });

  it('remembers a revoked grant and the version that caused it, once', () => {
    const revoked = { grantId: 'g-1', intentVersion: 5 };
    const first = revokeGrantStep(record(3), 'call-1', revoked)!;
    expect(first.state).toEqual(record(5, ['g-1']));
    expect(isRevoked(first.state, 'g-1')).toBe(true);
    expect(isRevoked(first.state, 'g-2')).toBe(false);
    expect(revokeGrantStep(first.state, 'call-1', revoked)).toBeNull();
    // An expiry revocation carries no intent version: the remembered one stays.
    expect(revokeGrantStep(null, 'call-1', { grantId: 'g-2' })!.state).toEqual(record(0, ['g-2']));
  });
});

describe('refusalStep', () => {
  it('answers the refused message with GRANT_INVALID and audits the refusal, changing no state', () => {
    const step = refusalStep(record(2), context({ causationId: 'ev-7' }), {
      code: 'GRANT_EXPIRED',
      message: 'grant g-1 expired 5 ms ago',
      grantId: 'g-1',
    });
    expect(step.state).toEqual(record(2));
    const [publish, audit] = step.effects;
    expect(publish).toMatchObject({
      kind: 'publish',
      family: 'appointment',
      interactionId: 'call-1',
      envelope: {
        eventId: 'apt-refused-ev-7',
        causationId: 'ev-7',
        correlationId: 'call-1',
        appointmentEvent: {
          unavailable: {
            requestId: 'ev-7',
            reason: v1.AppointmentUnavailableReason.APPOINTMENT_UNAVAILABLE_REASON_GRANT_INVALID,
            detail: 'GRANT_EXPIRED: grant g-1 expired 5 ms ago',
          },
        },
      },
    });
    expect(publish?.kind === 'publish' && publish.envelope.authority).toBeUndefined();
    expect(audit).toMatchObject({
      kind: 'audit',
      record: {
        recordId: 'scheduler-grant-refused-ev-7',
        kind: 'grant',
        summary: { event: 'refused', reason: 'GRANT_EXPIRED', grantId: 'g-1' },
      },
    });
    const payload = audit?.kind === 'audit' ? audit.record.payload : new Uint8Array();
    expect(warmline.v1.AuthorityGrant.decode(payload).keyId).toBe('AKEY');
  });

  it('records a grant refused before its claims were trusted without a grant id', () => {
    const step = refusalStep(
      null,
      { ...context(), grant: null },
      {
        code: 'GRANT_MALFORMED',
        message: 'no authority grant',
        grantId: null,
      },
    );
    const audit = step.effects[1];
    expect(audit?.kind === 'audit' && audit.record.summary).toEqual({
      event: 'refused',
      reason: 'GRANT_MALFORMED',
    });
    expect(audit?.kind === 'audit' && audit.record.payload).toHaveLength(0);
  });
});
