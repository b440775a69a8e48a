import { GRANT_SCOPES, v1 } from '@warmline/contracts';
import {
  T0,
  qualifiedState,
  record,
  withHealth,
  withMarker,
  withObjection,
} from './__fixtures__/intent.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { evaluateRevocation, type RevocationInput } from './evaluate-revocation.js';
import type { ActiveGrant, InteractionRecord } from './interaction-record.js';

const Reason = v1.GrantRevocationReason;

const grant: ActiveGrant = {
  grantId: 'g-1',
  action: 'live_transfer',
  scopes: [GRANT_SCOPES.transferLive],
  fallbackScopes: [GRANT_SCOPES.appointmentBook],
  intentVersion: 3,
  issuedAtMs: T0,
  expiresAtMs: T0 + 120_000,
};

function authorised(overrides: Partial<InteractionRecord> = {}): InteractionRecord {
  return record({
    phase: 'authorised',
    latestIntentVersion: 3,
    grantsIssued: 1,
    activeGrant: grant,
    ...overrides,
  });
}

function input(overrides: Partial<RevocationInput> = {}): RevocationInput {
  return {
    record: authorised(),
    state: qualifiedState({ version: 4 }),
    readinessNow: 0.8,
    policy: DEFAULT_POLICY,
    nowMs: T0 + 10_000,
    ...overrides,
  };
}

describe('evaluateRevocation', () => {
  it('keeps a grant whose buyer is still qualified', () => {
    expect(evaluateRevocation(input())).toBeNull();
  });

  it('has nothing to revoke without an active grant', () => {
    const state = withObjection(qualifiedState({ version: 4 }), 'price');

    expect(
      evaluateRevocation(input({ record: record({ phase: 'qualifying' }), state })),
    ).toBeNull();
  });

  it('revokes when the buyer raises a new objection, naming the new version', () => {
    const state = withObjection(qualifiedState({ version: 4 }), 'price');

    expect(evaluateRevocation(input({ state }))).toEqual({
      grantId: 'g-1',
      reason: Reason.GRANT_REVOCATION_REASON_OBJECTION_RAISED,
      detail: 'objection "price" raised',
      intentVersion: 4,
    });
  });

  it('revokes when the buyer withdraws a marker', () => {
    const state = withMarker(
      qualifiedState({ version: 4 }),
      'escalation_permission',
      v1.MarkerStatus.MARKER_STATUS_REVOKED,
    );

    expect(evaluateRevocation(input({ state }))).toMatchObject({
      reason: Reason.GRANT_REVOCATION_REASON_MARKER_REVOKED,
      detail: 'escalation_permission revoked by the buyer',
    });
  });

  it('revokes when a marker the grant required is no longer validated (a cut "yes" found out late)', () => {
    const state = withMarker(
      qualifiedState({ version: 4 }),
      'escalation_permission',
      v1.MarkerStatus.MARKER_STATUS_EXPLORATORY,
    );

    expect(evaluateRevocation(input({ state }))).toEqual({
      grantId: 'g-1',
      reason: Reason.GRANT_REVOCATION_REASON_MARKER_REVOKED,
      detail: 'escalation_permission no longer validated',
      intentVersion: 4,
    });
    // Also while the router is executing it: the buyer has not been bridged on that "yes" yet.
    expect(
      evaluateRevocation(input({ state, record: authorised({ phase: 'transferring' }) })),
    ).toMatchObject({ reason: Reason.GRANT_REVOCATION_REASON_MARKER_REVOKED });
  });

  it('keeps an appointment grant when only a marker appointments do not need is unvalidated', () => {
    const state = withMarker(
      qualifiedState({ version: 4 }),
      'escalation_permission',
      v1.MarkerStatus.MARKER_STATUS_EXPLORATORY,
    );
    const appointment = { ...grant, action: 'appointment' as const };

    expect(
      evaluateRevocation(input({ state, record: authorised({ activeGrant: appointment }) })),
    ).toBeNull();
  });

  it('keeps an appointment grant when the buyer declines to be connected, not when they take back the booking', () => {
    const appointment = { ...grant, action: 'appointment' as const };
    const declined = withMarker(
      qualifiedState({ version: 4 }),
      'escalation_permission',
      v1.MarkerStatus.MARKER_STATUS_REVOKED,
    );
    // The refusal is why the buyer is booked instead: it says nothing against the booking.
    expect(
      evaluateRevocation(
        input({ state: declined, record: authorised({ activeGrant: appointment }) }),
      ),
    ).toBeNull();

    const noTime = withMarker(declined, 'timing_consent', v1.MarkerStatus.MARKER_STATUS_REVOKED);
    expect(
      evaluateRevocation(
        input({ state: noTime, record: authorised({ activeGrant: appointment }) }),
      ),
    ).toMatchObject({
      reason: Reason.GRANT_REVOCATION_REASON_MARKER_REVOKED,
      detail: 'timing_consent revoked by the buyer',
    });
  });

  it('revokes when the call ends, before anything else', () => {
    const state = withObjection(
      withHealth(qualifiedState({ version: 4 }), { callEnded: true }),
      'x',
    );

    expect(evaluateRevocation(input({ state }))).toMatchObject({
      reason: Reason.GRANT_REVOCATION_REASON_INTERACTION_CLOSED,
      detail: 'the call has ended',
    });
  });

  it('revokes an expired grant that was never used, with intent version 0', () => {
    expect(evaluateRevocation(input({ nowMs: T0 + 120_000 }))).toEqual({
      grantId: 'g-1',
      reason: Reason.GRANT_REVOCATION_REASON_EXPIRED,
      detail: 'grant expired at 2025-06-02T15:02:00.000Z',
      intentVersion: 0,
    });
    expect(evaluateRevocation(input({ nowMs: T0 + 119_999 }))).toBeNull();
  });

  it('revokes when readiness decays below the granted action threshold', () => {
    expect(evaluateRevocation(input({ readinessNow: 0.65 }))).toMatchObject({
      reason: Reason.GRANT_REVOCATION_REASON_READINESS_DECAYED,
      detail: 'readiness 0.65 < 0.70 (live transfer)',
    });
    const appointment = authorised({ activeGrant: { ...grant, action: 'appointment' } });
    expect(evaluateRevocation(input({ record: appointment, readinessNow: 0.65 }))).toBeNull();
  });

  it('leaves a transfer under way alone for expiry and decay, not for the buyer changing their mind', () => {
    const transferring = authorised({ phase: 'transferring' });
    const objecting = withObjection(qualifiedState({ version: 4 }), 'price');

    expect(
      evaluateRevocation(input({ record: transferring, nowMs: T0 + 200_000, readinessNow: 0.1 })),
    ).toBeNull();
    expect(evaluateRevocation(input({ record: transferring, state: objecting }))).toMatchObject({
      reason: Reason.GRANT_REVOCATION_REASON_OBJECTION_RAISED,
    });
  });

  it('ignores a state older than the grant, except for expiry', () => {
    const old = withObjection(qualifiedState({ version: 2 }), 'price');

    expect(evaluateRevocation(input({ state: old, readinessNow: 0.1 }))).toBeNull();
    expect(evaluateRevocation(input({ state: old, nowMs: T0 + 130_000 }))).toMatchObject({
      reason: Reason.GRANT_REVOCATION_REASON_EXPIRED,
    });
  });
});
