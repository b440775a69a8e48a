import { GRANT_SCOPES, v1 } from '@warmline/contracts';
import {
  HOUR_MS,
  T0,
  escalationInput,
  qualifiedState,
  record,
  withHealth,
} from './__fixtures__/intent.js';
import { IllegalTransitionError, InteractionRecordError } from './errors.js';
import { evaluateEscalation } from './evaluate-escalation.js';
import {
  newInteractionRecord,
  recordDecision,
  recordExecution,
  recordNoSlot,
  recordRevocation,
  type InteractionRecord,
} from './interaction-record.js';

const issued = { grantId: 'g-1', issuedAtMs: T0, expiresAtMs: T0 + 120_000 };

function authorisedRecord(): InteractionRecord {
  const verdict = evaluateEscalation(escalationInput());
  return recordDecision(escalationInput().record, verdict, { decisionId: 'dec-1', grant: issued });
}

describe('InteractionRecord', () => {
  it('starts engaged, with nothing seen and nothing granted', () => {
    expect(newInteractionRecord('ix-9', 'solar')).toEqual({
      interactionId: 'ix-9',
      campaignId: 'solar',
      phase: 'engaged',
      latestIntentVersion: 0,
      activeGrant: null,
      grantsIssued: 0,
      lastDecisionId: null,
      windowWithoutSlot: null,
    });
  });

  it('holds the issued grant after an authorisation, and counts it', () => {
    expect(authorisedRecord()).toEqual({
      ...record(),
      phase: 'authorised',
      latestIntentVersion: 3,
      grantsIssued: 1,
      lastDecisionId: 'dec-1',
      activeGrant: {
        grantId: 'g-1',
        action: 'live_transfer',
        scopes: [GRANT_SCOPES.transferLive],
        fallbackScopes: [GRANT_SCOPES.appointmentBook],
        intentVersion: 3,
        issuedAtMs: T0,
        expiresAtMs: T0 + 120_000,
        consentWindow: {
          startAtMs: T0 + 24 * HOUR_MS,
          endAtMs: T0 + 26 * HOUR_MS,
          timeZone: 'America/Chicago',
          sourceText: 'tomorrow between 10 and noon',
        },
      },
    });
  });

  it('records a HOLD without touching the grant count', () => {
    const input = escalationInput({ readinessNow: 0.2 });
    const next = recordDecision(input.record, evaluateEscalation(input), { decisionId: 'dec-2' });

    expect(next).toMatchObject({ phase: 'qualifying', grantsIssued: 0, lastDecisionId: 'dec-2' });
    expect(next.latestIntentVersion).toBe(3);
  });

  it('is plain data that survives a JSON round trip', () => {
    const stored = authorisedRecord();

    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
  });

  it('refuses an authorisation without its grant, and a grant on a HOLD', () => {
    const input = escalationInput();
    const authorise = evaluateEscalation(input);
    const hold = evaluateEscalation(escalationInput({ readinessNow: 0.1 }));

    expect(() => recordDecision(input.record, authorise, { decisionId: 'd' })).toThrow(
      new InteractionRecordError('an authorisation needs the issued grant'),
    );
    expect(() => recordDecision(input.record, hold, { decisionId: 'd', grant: issued })).toThrow(
      new InteractionRecordError('a HOLD carries no grant'),
    );
  });

  it('refuses a verdict made on a phase the record has since left (evaluate again)', () => {
    const verdict = evaluateEscalation(escalationInput());
    const moved = record({ phase: 'ready' });

    expect(() => recordDecision(moved, verdict, { decisionId: 'd', grant: issued })).toThrow(
      expect.objectContaining({ code: 'INTERACTION_RECORD_INVALID' }),
    );
  });

  it('drops the grant and returns to qualifying on a revocation, or closes on a hang-up', () => {
    const revocation = {
      grantId: 'g-1',
      reason: v1.GrantRevocationReason.GRANT_REVOCATION_REASON_OBJECTION_RAISED,
      detail: 'objection "price" raised',
      intentVersion: 4,
    };
    const revoked = recordRevocation(authorisedRecord(), revocation);
    const hungUp = recordRevocation(authorisedRecord(), {
      ...revocation,
      reason: v1.GrantRevocationReason.GRANT_REVOCATION_REASON_INTERACTION_CLOSED,
    });

    expect(revoked).toMatchObject({
      phase: 'qualifying',
      activeGrant: null,
      grantsIssued: 1,
      latestIntentVersion: 4,
    });
    expect(hungUp.phase).toBe('closed');
    expect(() => recordRevocation(revoked, revocation)).toThrow(InteractionRecordError);
  });

  it('keeps the grant while transferring and drops it once used', () => {
    const transferring = recordExecution(authorisedRecord(), 'transfer-started');
    const back = recordExecution(transferring, 'returned-to-ai');

    expect(transferring).toMatchObject({ phase: 'transferring', activeGrant: { grantId: 'g-1' } });
    expect(back).toMatchObject({ phase: 'qualifying', activeGrant: null });
    expect(recordExecution(authorisedRecord(), 'scheduled')).toMatchObject({
      phase: 'scheduled',
      activeGrant: null,
    });
  });

  it("returns to the AI when no slot was found, remembering the grant's consent window", () => {
    const booking = recordExecution(authorisedRecord(), 'transfer-started');
    const back = recordNoSlot(booking);

    expect(back).toMatchObject({
      phase: 'qualifying',
      activeGrant: null,
      windowWithoutSlot: { startAtMs: T0 + 24 * HOUR_MS, endAtMs: T0 + 26 * HOUR_MS },
    });
    // A record stored before grants kept their window remembers none.
    const { consentWindow: _, ...older } = booking.activeGrant!;
    expect(recordNoSlot({ ...booking, activeGrant: older }).windowWithoutSlot).toBeNull();
    expect(() => recordNoSlot(record({ phase: 'scheduled' }))).toThrow(IllegalTransitionError);
  });

  it('refuses an execution report the lifecycle does not allow', () => {
    expect(() => recordExecution(record({ phase: 'qualifying' }), 'connected')).toThrow(
      IllegalTransitionError,
    );
  });

  it('voids a held grant when a DENY closes the interaction', () => {
    const held = authorisedRecord();
    const state = withHealth(qualifiedState({ version: 4 }), { callEnded: true });
    const verdict = evaluateEscalation(escalationInput({ record: held, state }));
    const closed = recordDecision(held, verdict, { decisionId: 'dec-3' });

    expect(closed).toMatchObject({ phase: 'closed', activeGrant: null, latestIntentVersion: 4 });
  });
});
