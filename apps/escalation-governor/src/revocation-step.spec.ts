import { v1 } from '@warmline/contracts';
import { DEFAULT_POLICY, PolicyBook } from '@warmline/policy';
import { decideOn, qualifiedState, T0 } from './__fixtures__/governor.js';
import { revocationStep } from './revocation-step.js';

const policies = new PolicyBook([DEFAULT_POLICY]);
const Reason = v1.GrantRevocationReason;

describe('revocationStep', () => {
  const authorised = decideOn(null, qualifiedState(1))!.state;
  const expiresAtMs = authorised.record.activeGrant!.expiresAtMs;

  it('leaves a grant alone while it is valid and the buyer still ready', () => {
    expect(revocationStep(authorised, policies, T0 + 1_000, 1_000)).toBeNull();
  });

  it('revokes an unused grant once it expired, caused by the decision that issued it', () => {
    const revoked = revocationStep(authorised, policies, expiresAtMs, 1_000)!;
    const [publish, audit] = revoked.effects;
    expect(publish).toMatchObject({
      kind: 'publish',
      family: 'decision',
      envelope: {
        eventId: 'revoke-grant-1',
        causationId: 'dec-decision-1',
        intentVersion: 0,
        sequence: 2,
        grantRevoked: { grantId: 'grant-1', reason: Reason.GRANT_REVOCATION_REASON_EXPIRED },
      },
    });
    expect(audit).toMatchObject({
      kind: 'audit',
      record: {
        kind: 'grant',
        recordId: 'grant-grant-1-revoked',
        summary: { event: 'revoked', reason: 'EXPIRED' },
      },
    });
    expect(revoked.state.record).toMatchObject({ phase: 'qualifying', activeGrant: null });
    expect(revoked.state.grant).toBeNull();
    expect(revoked.result).toMatchObject({
      released: [{ team: 'default', grantId: 'grant-1' }],
      checkAtMs: null,
    });
  });

  it('revokes when readiness decays below the threshold without a new version', () => {
    // 0.85 halves every 120 s; below 0.70 after about 34 s, long before the grant expires.
    const later = T0 + 40_000;
    const decayed = decideOn(null, qualifiedState(1), { nowMs: T0 + 500 })!.state;
    const extended = {
      ...decayed,
      record: {
        ...decayed.record,
        activeGrant: { ...decayed.record.activeGrant!, expiresAtMs: T0 + 600_000 },
      },
    };
    const revoked = revocationStep(extended, policies, later, 1_000)!;
    expect(revoked.result.reason).toBe(Reason.GRANT_REVOCATION_REASON_READINESS_DECAYED);
  });

  it('does not revoke a grant the router is executing on expiry alone', () => {
    const transferring = {
      ...authorised,
      record: { ...authorised.record, phase: 'transferring' as const },
    };
    expect(revocationStep(transferring, policies, expiresAtMs + 1, 1_000)).toBeNull();
  });

  it('does nothing without a grant', () => {
    const held = decideOn(
      null,
      qualifiedState(1, { callHealth: { answeringMachine: true } }),
    )!.state;
    expect(revocationStep(held, policies, T0 + 999_999, 1_000)).toBeNull();
    expect(revocationStep(null, policies, T0, 1_000)).toBeNull();
  });
});
