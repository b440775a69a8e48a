import type { Effect, PublishEffect } from '@warmline/agent-runtime';
import { fromTimestamp, v1, type IIntentState, type warmline } from '@warmline/contracts';
import { DEFAULT_POLICY } from '@warmline/policy';
import fc from 'fast-check';
import {
  change,
  context,
  decideOn,
  INTERACTION_ID,
  qualifiedState,
  signedFor,
  T0,
  withObjection,
  ALL_MARKERS,
  marker,
} from './__fixtures__/governor.js';
import {
  intentStateOf,
  MAX_DECIDED_VERSIONS,
  type GovernedInteraction,
} from './governed-interaction.js';
import { intentStep } from './intent-step.js';

const Outcome = v1.EscalationOutcome;

function publishes(effects: readonly Effect[]): PublishEffect[] {
  return effects.filter((e): e is PublishEffect => e.kind === 'publish');
}

function audits(effects: readonly Effect[]) {
  return effects.flatMap((e) => (e.kind === 'audit' ? [e.record] : []));
}

describe('intentStep', () => {
  it('asks for a signature before it authorises, and commits nothing until it has one', () => {
    const step = intentStep(null, change(qualifiedState(1)), context());
    expect(step.kind).toBe('sign');
    expect(step.kind === 'sign' && step.plan).toMatchObject({
      action: 'live_transfer',
      interactionId: INTERACTION_ID,
      intentVersion: 1,
      scopes: ['transfer.live'],
      fallbackScopes: ['appointment.book'],
    });
  });

  it('publishes an authorisation with its grant in the body and in authority, and audits both', () => {
    const decided = decideOn(null, qualifiedState(1))!;
    const [decision] = publishes(decided.effects);
    expect(decision).toMatchObject({
      family: 'decision',
      interactionId: INTERACTION_ID,
      envelope: {
        eventId: 'dec-decision-1',
        sequence: 1,
        causationId: 'intent-v1',
        correlationId: INTERACTION_ID,
        intentVersion: 1,
        authority: { grant: { keyId: 'AKEY' } },
        escalationDecision: {
          decisionId: 'decision-1',
          outcome: Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
          grant: { keyId: 'AKEY' },
          state: v1.InteractionState.INTERACTION_STATE_AUTHORISED,
        },
      },
    });
    expect(audits(decided.effects).map((r) => [r.kind, r.recordId, r.summary?.['event']])).toEqual([
      ['decision', 'decision-decision-1', undefined],
      ['grant', 'grant-grant-1-issued', 'issued'],
    ]);
    expect(decided.state.grant).toMatchObject({ grantId: 'grant-1', decisionId: 'decision-1' });
    expect(decided.state.record.activeGrant?.grantId).toBe('grant-1');
    expect(decided.result).toMatchObject({
      grantId: 'grant-1',
      released: [],
      checkAtMs: T0 + 500 + 1_000,
    });
  });

  it('never re-uses a grant signed for another plan: the state moved on, so it asks again', () => {
    const first = intentStep(null, change(qualifiedState(1)), context());
    if (first.kind !== 'sign') throw new Error('expected a signature request');
    const stale = signedFor(first.plan, 1);
    // The live transfer is now rate limited: the decision is an appointment, another plan.
    const limited = context({
      signed: stale,
      controls: { escalationsInWindow: 30, availableClosers: 3, pendingTransfers: 0 },
    });
    const again = intentStep(null, change(qualifiedState(1)), limited);
    expect(again.kind === 'sign' && again.plan.action).toBe('appointment');
  });

  it('holds a hedging buyer with a HOLD that carries no grant', () => {
    const hedged = qualifiedState(1, {
      markers: ALL_MARKERS.map((kind) => marker(kind, v1.MarkerStatus.MARKER_STATUS_EXPLORATORY)),
    });
    const decided = decideOn(null, hedged)!;
    const [decision] = publishes(decided.effects);
    expect(decision!.envelope.escalationDecision?.outcome).toBe(Outcome.ESCALATION_OUTCOME_HOLD);
    expect(decision!.envelope.authority ?? null).toBeNull();
    expect(decision!.envelope.escalationDecision?.grant ?? null).toBeNull();
    expect(audits(decided.effects).map((r) => r.kind)).toEqual(['decision']);
    expect(decided.result.checkAtMs).toBeNull();
  });

  it('decides a version once: a redelivery is a duplicate', () => {
    const decided = decideOn(null, qualifiedState(1))!;
    expect(intentStep(decided.state, change(qualifiedState(1)), context()).kind).toBe('duplicate');
  });

  it('revokes the grant when a later version raises an objection, then holds on that version', () => {
    const authorised = decideOn(null, qualifiedState(1))!;
    const v2 = withObjection(qualifiedState(2), 'price');
    const decided = decideOn(authorised.state, v2, { decisionId: 'decision-2' })!;
    const [revoked, decision] = publishes(decided.effects);
    expect(revoked!.envelope).toMatchObject({
      eventId: 'revoke-grant-1',
      sequence: 2,
      intentVersion: 2,
      causationId: 'intent-v2',
      grantRevoked: {
        grantId: 'grant-1',
        reason: v1.GrantRevocationReason.GRANT_REVOCATION_REASON_OBJECTION_RAISED,
        intentVersion: 2,
      },
    });
    expect(decision!.envelope).toMatchObject({
      eventId: 'dec-decision-2',
      sequence: 3,
      intentVersion: 2,
      escalationDecision: {
        outcome: Outcome.ESCALATION_OUTCOME_HOLD,
        previousState: v1.InteractionState.INTERACTION_STATE_QUALIFYING,
      },
    });
    const revokedRecord = audits(decided.effects).find(
      (r) => r.recordId === 'grant-grant-1-revoked',
    );
    expect(revokedRecord?.summary).toMatchObject({ event: 'revoked', reason: 'OBJECTION_RAISED' });
    // The audit record of the revocation carries the grant that was signed.
    expect(revokedRecord?.payload).toEqual(
      v1.AuthorityGrant.encode(signedFor(decidedPlan(), 1).grant).finish(),
    );
    expect(decided.state.grant).toBeNull();
    expect(decided.result.released).toEqual([{ team: 'default', grantId: 'grant-1' }]);
    expect(decided.result.revokedGrantId).toBe('grant-1');
  });

  it('closes the interaction and frees the grant when the call ends', () => {
    const authorised = decideOn(null, qualifiedState(1))!;
    const ended = qualifiedState(2, { callHealth: { callEnded: true, signalCount: 12 } });
    const decided = decideOn(authorised.state, ended)!;
    expect(decided.state.record.phase).toBe('closed');
    expect(decided.result.outcome).toBe(Outcome.ESCALATION_OUTCOME_DENY);
    expect(decided.result.released).toEqual([{ team: 'default', grantId: 'grant-1' }]);
  });

  it('keeps the newest state for time-driven checks, not a late older one', () => {
    const v2 = decideOn(null, qualifiedState(2))!;
    const late = decideOn(v2.state, qualifiedState(1), { decisionId: 'decision-late' })!;
    expect(late.result.outcome).toBe(Outcome.ESCALATION_OUTCOME_DENY);
    expect(intentStateOf(late.state.latestState!).version).toBe(2);
  });

  it('binds every grant to the version it was decided on, with the window of that version', () => {
    const decided = decideOn(null, qualifiedState(1))!;
    const plan = decidedPlan();
    expect(plan.intentVersion).toBe(1);
    expect(plan.consentWindow?.startAtMs).toBe(
      fromTimestamp(qualifiedState(1).consentWindow!.startAt!),
    );
    expect(decided.state.record.activeGrant?.intentVersion).toBe(1);
    expect(DEFAULT_POLICY.actions.liveTransfer.grantTtlMs).toBe(
      decided.state.record.activeGrant!.expiresAtMs - decided.state.record.activeGrant!.issuedAtMs,
    );
  });

  it('remembers a bounded number of decided versions', () => {
    let governed: GovernedInteraction | null = null;
    const hold = { callHealth: { answeringMachine: true } };
    for (let version = 1; version <= MAX_DECIDED_VERSIONS + 5; version++) {
      governed = decideOn(governed, qualifiedState(version, hold), {
        decisionId: `d-${version}`,
      })!.state;
    }
    expect(governed!.decidedVersions).toHaveLength(MAX_DECIDED_VERSIONS);
    expect(governed!.decidedVersions[0]).toBe(6);
  });
});

function decidedPlan() {
  const step = intentStep(null, change(qualifiedState(1)), context());
  if (step.kind !== 'sign') throw new Error('expected a signature request');
  return step.plan;
}

describe('intentStep over any sequence of intent versions (property)', () => {
  // Mostly qualified buyers, so that grants, revocations and denials all happen often.
  const rarely = fc.oneof(
    { arbitrary: fc.constant(false), weight: 5 },
    { arbitrary: fc.constant(true), weight: 1 },
  );
  const markerStatus = fc.oneof(
    { arbitrary: fc.constant(v1.MarkerStatus.MARKER_STATUS_VALIDATED), weight: 12 },
    {
      arbitrary: fc.constantFrom(
        v1.MarkerStatus.MARKER_STATUS_ABSENT,
        v1.MarkerStatus.MARKER_STATUS_EXPLORATORY,
        v1.MarkerStatus.MARKER_STATUS_REVOKED,
      ),
      weight: 1,
    },
  );
  const version = fc.record({
    statuses: fc.array(markerStatus, { minLength: 4, maxLength: 4 }),
    objection: rarely,
    answeringMachine: rarely,
    amdUncertain: rarely,
    callEnded: rarely,
    readiness: fc.double({ min: 0.3, max: 1, noNaN: true }),
    availableClosers: fc.integer({ min: 0, max: 3 }),
  });

  function stateOf(n: number, v: VersionInput): IIntentState {
    const base = qualifiedState(n, {}, T0 + n * 1_000);
    return {
      ...base,
      markers: ALL_MARKERS.map((kind, i) => marker(kind, v.statuses[i])),
      objections: v.objection ? withObjection(base, 'price').objections : [],
      readiness: { score: v.readiness, decayedAt: base.updatedAt },
      callHealth: {
        ...base.callHealth,
        answeringMachine: v.answeringMachine,
        amdUncertain: v.amdUncertain,
        callEnded: v.callEnded,
      },
    };
  }

  it('publishes one decision per version, grants only when nothing holds, and keeps grant and record in step', () => {
    const seen = { grants: 0, revocations: 0 };
    fc.assert(
      fc.property(fc.array(version, { minLength: 1, maxLength: 8 }), (versions) => {
        let governed: GovernedInteraction | null = null;
        const eventIds: string[] = [];
        const sequences: number[] = [];
        versions.forEach((v, i) => {
          const n = i + 1;
          const state = stateOf(n, v);
          const decided = decideOn(
            governed,
            state,
            {
              decisionId: `d-${n}`,
              nowMs: T0 + n * 1_000 + 100,
              controls: {
                escalationsInWindow: 0,
                availableClosers: v.availableClosers,
                pendingTransfers: 0,
              },
            },
            n,
          )!;
          const published = publishes(decided.effects);
          const decisionsOf = published.filter((p) => p.envelope.escalationDecision);
          expect(decisionsOf).toHaveLength(1);
          const decision = decisionsOf[0]!.envelope;
          const authorised =
            decision.escalationDecision?.outcome ===
              Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER ||
            decision.escalationDecision?.outcome ===
              Outcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT;
          expect(Boolean(decision.authority?.grant)).toBe(authorised);
          if (authorised) seen.grants += 1;
          if (published[0]?.envelope.grantRevoked) seen.revocations += 1;
          if (v.answeringMachine || v.amdUncertain || v.objection || v.callEnded) {
            expect(authorised).toBe(false);
          }
          // A revocation always comes before the decision on the version that caused it.
          published.forEach((p, at) => {
            if (p.envelope.grantRevoked) expect(at).toBe(0);
          });
          expect(decided.state.grant?.grantId ?? null).toBe(
            decided.state.record.activeGrant?.grantId ?? null,
          );
          for (const p of published) {
            eventIds.push(p.envelope.eventId);
            sequences.push(p.envelope.sequence ?? 0);
          }
          governed = decided.state;
        });
        expect(new Set(eventIds).size).toBe(eventIds.length);
        expect(sequences).toEqual(sequences.map((_, i) => i + 1));
      }),
      { numRuns: 200 },
    );
    // The property saw what it is about.
    expect(seen.grants).toBeGreaterThan(50);
    expect(seen.revocations).toBeGreaterThan(10);
  });
});

interface VersionInput {
  readonly statuses: readonly warmline.v1.MarkerStatus[];
  readonly objection: boolean;
  readonly answeringMachine: boolean;
  readonly amdUncertain: boolean;
  readonly callEnded: boolean;
  readonly readiness: number;
}
