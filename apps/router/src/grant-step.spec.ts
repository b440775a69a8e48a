import { generateSigningKey, GrantSigner, signingKeyFromSeed } from '@warmline/authority';
import { v1 } from '@warmline/contracts';
import {
  Bench,
  IID,
  SETTINGS,
  T0,
  VERIFIER,
  decision,
  intentState,
  issueGrant,
} from './__fixtures__/transfer.js';
import { grantStep, type GrantStepResult } from './grant-step.js';
import { intentVersionStep } from './intent-version-step.js';
import { revocationStep } from './revocation-step.js';

function take(bench: Bench, envelope = decision(issueGrant())): GrantStepResult | null {
  return bench.run((current) =>
    grantStep(
      current,
      { envelope, intent: intentState(), verifier: VERIFIER, settings: SETTINGS },
      bench.ctx(envelope.eventId ?? ''),
    ),
  );
}

function auditSummaries(bench: Bench, kind: string) {
  return bench.effects.flatMap((e) =>
    e.kind === 'audit' && e.record.kind === kind ? [e.record.summary] : [],
  );
}

describe('grantStep', () => {
  it('starts a warm transfer on a valid grant: REQUESTED published, the grant audited as used', () => {
    const bench = new Bench();
    const result = take(bench);
    expect(result).toMatchObject({ kind: 'started' });
    expect(bench.states()).toEqual(['REQUESTED']);
    expect(bench.lastEvent()).toMatchObject({
      mode: v1.TransferMode.TRANSFER_MODE_WARM,
      attempt: 1,
      state: v1.HandoffState.HANDOFF_STATE_REQUESTED,
    });
    expect(auditSummaries(bench, 'grant')).toEqual([
      expect.objectContaining({ event: 'used', mode: 'warm' }),
    ]);
    expect(bench.commands()).toEqual([]);
    const transfer = bench.record!.transfer!;
    expect(transfer.terms).toMatchObject({ maxAttempts: 2, reservationTimeoutMs: 15_000 });
    expect(transfer.terms.readinessPeakAtMs).toBe(T0 - 20_000);
    expect(transfer.brief).not.toBeNull();
  });

  it('labels a cold grant cold and builds no brief', () => {
    const bench = new Bench();
    take(bench, decision(issueGrant({ transferMode: v1.TransferMode.TRANSFER_MODE_COLD })));
    expect(bench.lastEvent().mode).toBe(v1.TransferMode.TRANSFER_MODE_COLD);
    expect(bench.record!.transfer!.brief).toBeNull();
  });

  it('resolves a grant limit of 0 to the router default', () => {
    const bench = new Bench();
    take(bench, decision(issueGrant({ constraints: { maxAttempts: 0 } })));
    expect(bench.record!.transfer!.terms.maxAttempts).toBe(SETTINGS.defaultMaxAttempts);
    expect(bench.record!.transfer!.terms.reservationTimeoutMs).toBe(
      SETTINGS.defaultReservationTimeoutMs,
    );
  });

  const forger = new GrantSigner({ signingKey: signingKeyFromSeed(generateSigningKey().seed) });
  it.each([
    [
      'forged (untrusted key)',
      () => decision(forger.issue(grantInput(), T0)),
      'GRANT_UNTRUSTED_ISSUER',
    ],
    [
      'tampered',
      () => {
        const grant = issueGrant();
        grant.signature = new Uint8Array(grant.signature).map((b, i) => (i === 0 ? b ^ 1 : b));
        return decision(grant);
      },
      'GRANT_SIGNATURE_INVALID',
    ],
    ['expired', () => decision(issueGrant({ ttlMs: 1_000 }, T0 - 60_000)), 'GRANT_EXPIRED'],
    [
      'for another interaction',
      () => decision(issueGrant({ interactionId: 'call-other' })),
      'GRANT_INTERACTION_MISMATCH',
    ],
    [
      'without transfer.live',
      () => decision(issueGrant({ scopes: ['appointment.book'] })),
      'GRANT_SCOPE_MISSING',
    ],
    ['missing', () => decision(null), 'GRANT_MALFORMED'],
  ])(
    'refuses a %s grant with its code: FAILED (GRANT_INVALID), audit, no command',
    (_, envelope, code) => {
      const bench = new Bench();
      const result = take(bench, envelope());
      expect(result).toMatchObject({ kind: 'refused', code });
      expect(bench.states()).toEqual(['FAILED']);
      expect(bench.lastEvent()).toMatchObject({
        failureReason: v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_GRANT_INVALID,
        handoffId: 'refused-dec-ev-1',
      });
      expect(bench.lastEvent().detail).toContain(code);
      expect(auditSummaries(bench, 'grant')).toEqual([
        expect.objectContaining({ event: 'refused', reason: code }),
      ]);
      expect(bench.commands()).toEqual([]);
      expect(bench.record!.transfer).toBeNull();
    },
  );

  it('refuses a grant decided on an older intent version than one seen before (replayed decision)', () => {
    const bench = new Bench();
    bench.run((current) =>
      intentVersionStep(current, { interactionId: IID, escalationDecision: { intentVersion: 7 } }),
    );
    const result = take(bench, decision(issueGrant({ intentVersion: 5 }), 'dec-old', 5));
    expect(result).toMatchObject({ kind: 'refused', code: 'GRANT_STALE_INTENT' });
  });

  it('takes the highest version of the decision itself into account', () => {
    const bench = new Bench();
    const result = take(bench, decision(issueGrant({ intentVersion: 5 }), 'dec-2', 6));
    expect(result).toMatchObject({ kind: 'refused', code: 'GRANT_STALE_INTENT' });
    expect(bench.record!.intentVersion).toBe(6);
  });

  it('resumes (no new effect) when the same grant is delivered again while in flight', () => {
    const bench = new Bench();
    const grant = issueGrant();
    take(bench, decision(grant, 'dec-a'));
    const before = bench.effects.length;
    expect(take(bench, decision(grant, 'dec-b'))).toBeNull();
    expect(bench.effects).toHaveLength(before);
  });

  it('refuses a second grant while a transfer is in flight, and a revoked grant', () => {
    const bench = new Bench();
    take(bench, decision(issueGrant(), 'dec-a'));
    expect(take(bench, decision(issueGrant(), 'dec-b'))).toMatchObject({
      kind: 'refused',
      code: 'TRANSFER_IN_FLIGHT',
    });
    const revoked = issueGrant();
    bench.run((current) =>
      revocationStep(
        current,
        { interactionId: IID, grantRevoked: { grantId: grantIdOf(revoked), intentVersion: 5 } },
        bench.ctx(),
      ),
    );
    expect(take(bench, decision(revoked, 'dec-c'))).toMatchObject({
      kind: 'refused',
      code: 'GRANT_REVOKED',
    });
    expect(bench.commands()).toEqual([]);
  });

  it('refuses the same decision again on redelivery without publishing anything new', () => {
    const bench = new Bench();
    take(bench, decision(null, 'dec-x'));
    const before = bench.effects.length;
    expect(take(bench, decision(null, 'dec-x'))).toMatchObject({ code: 'GRANT_MALFORMED' });
    expect(bench.effects).toHaveLength(before);
  });
});

describe('revocationStep', () => {
  it('withdraws an unbridged transfer: back to the AI with GRANT_EXPIRED and the honest line', () => {
    const bench = new Bench();
    const grant = issueGrant();
    take(bench, decision(grant));
    bench.run((current) =>
      revocationStep(
        current,
        {
          eventId: 'revoke-x',
          interactionId: IID,
          grantRevoked: { grantId: grantIdOf(grant), intentVersion: 6 },
        },
        bench.ctx('revoke-x'),
      ),
    );
    expect(bench.states()).toEqual(['REQUESTED', 'RETURNED_TO_AI']);
    expect(bench.lastEvent().failureReason).toBe(
      v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_GRANT_EXPIRED,
    );
    expect(bench.commands()).toEqual(['return_to_agent@1']);
    expect(bench.record!.intentVersion).toBe(6);
  });
});

function grantInput() {
  return {
    interactionId: IID,
    intentVersion: 5,
    scopes: ['transfer.live'],
    policyId: 'solar',
    policyVersion: 1,
    decisionId: 'dec-1',
  };
}

function grantIdOf(grant: { claims: Uint8Array }): string {
  return v1.GrantClaims.decode(grant.claims).grantId;
}
