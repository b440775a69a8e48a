// One intent version as a checkpointed step: re-check the grant in force (revoke it when the buyer
// changed their mind), then decide on this exact version. Pure: the caller signs a grant when the
// step asks for one and runs it again with the signed grant, so signing never happens inside it.
import type { Effect, StepOutcome } from '@warmline/agent-runtime';
import type { warmline } from '@warmline/contracts';
import {
  evaluateEscalation,
  evaluateRevocation,
  readinessAt,
  recordDecision,
  recordRevocation,
  type CampaignPolicy,
  type ControlsSnapshot,
  type GrantPlan,
  type IssuedGrant,
} from '@warmline/policy';
import {
  grantCheckAtMs,
  newGovernedInteraction,
  storedGrant,
  storedIntentState,
  withDecidedVersion,
  type GovernedInteraction,
  type GrantInForce,
} from './governed-interaction.js';
import { decisionEffects, revocationEffects } from './governor-effects.js';
import type { IntentChange } from './intent-change.js';
import { teamGrantOf, type TeamGrant } from './team-grant.js';

/** A grant signed for a plan the step asked for. */
export interface SignedGrant {
  readonly plan: GrantPlan;
  /** The decision id the grant names (GrantClaims.decision_id). */
  readonly decisionId: string;
  readonly grant: warmline.v1.IAuthorityGrant;
  /** What the signer stamped (decodeGrantClaims(grant.claims) has these fields). */
  readonly claims: IssuedGrant;
  /** The policy team its live transfer counts against. */
  readonly team: string;
}

/** Everything besides the stored checkpoint that one decision depends on. */
export interface IntentStepContext {
  /** The campaign's policy, or null (→ DENY POLICY_NOT_FOUND). */
  readonly policy: CampaignPolicy | null;
  readonly controls: ControlsSnapshot;
  readonly nowMs: number;
  /** The id of the decision when it needs no grant (an authorisation uses its grant's). */
  readonly decisionId: string;
  /** The grant signed for the plan a previous run asked for, or null. */
  readonly signed: SignedGrant | null;
  readonly grantCheckIntervalMs: number;
}

/** What a committed intent step tells the caller. */
export interface IntentDecided {
  readonly outcome: warmline.v1.EscalationOutcome;
  readonly decisionId: string;
  readonly intentVersion: number;
  /** The grant issued, or null for HOLD / DENY. */
  readonly grantId: string | null;
  /** The grant revoked before deciding, or null. */
  readonly revokedGrantId: string | null;
  /** Live-transfer grants that no longer count against their team. */
  readonly released: readonly TeamGrant[];
  /** When the new grant must be re-checked (GrantWatch), or null. */
  readonly checkAtMs: number | null;
}

export type IntentStep =
  /** This version was decided on already (a redelivery): nothing to do. */
  | { readonly kind: 'duplicate' }
  /** The decision is an authorisation: sign `plan` and run the step again with the grant. */
  | { readonly kind: 'sign'; readonly plan: GrantPlan }
  | {
      readonly kind: 'decided';
      readonly outcome: StepOutcome<GovernedInteraction> & { readonly result: IntentDecided };
    };

/**
 * Decides on `change` against the stored checkpoint (`null` before the first version). A signed
 * grant in the context is used only when the decision's plan is exactly the one it was signed for;
 * otherwise (the state moved on, the controls changed) the step asks for a new signature.
 * Throws the policy library's errors for input no decision can be made on.
 */
export function intentStep(
  current: GovernedInteraction | null,
  change: IntentChange,
  context: IntentStepContext,
): IntentStep {
  const { state } = change;
  const { policy, nowMs } = context;
  const version = state.version ?? 0;
  const governed = current ?? newGovernedInteraction(state);
  if (governed.decidedVersions.includes(version)) return { kind: 'duplicate' };
  const interactionId = governed.record.interactionId;
  const readinessNow = policy ? readinessAt(state, policy, nowMs) : 0;
  const effects: Effect[] = [];
  const released: TeamGrant[] = [];
  let { record, grant, sequence } = governed;

  const revocation = policy && evaluateRevocation({ record, state, readinessNow, policy, nowMs });
  if (revocation) {
    const signedGrant = grant?.signed ?? '';
    sequence += 1;
    effects.push(
      ...revocationEffects({
        interactionId,
        revocation,
        nowMs,
        signedGrant,
        causationId: change.eventId,
        sequence,
      }),
    );
    released.push(...teamGrantOf(grant, record.activeGrant));
    record = recordRevocation(record, revocation);
    grant = null;
  }

  const verdict = evaluateEscalation({
    policy,
    state,
    readinessNow,
    record,
    controls: context.controls,
    nowMs,
  });
  const plan = verdict.grantPlan;
  const signed =
    plan && context.signed && samePlan(plan, context.signed.plan) ? context.signed : null;
  if (plan && !signed) return { kind: 'sign', plan };

  const decisionId = signed?.decisionId ?? context.decisionId;
  const grantId = signed?.claims.grantId ?? null;
  sequence += 1;
  effects.push(
    ...decisionEffects({
      verdict,
      decisionId,
      nowMs,
      grant: signed?.grant ?? null,
      grantId,
      causationId: change.eventId,
      sequence,
    }),
  );
  const decided = recordDecision(record, verdict, { decisionId, grant: signed?.claims ?? null });
  if (grant && decided.activeGrant?.grantId !== grant.grantId) {
    // A DENY that closes the interaction voids the grant in force.
    released.push(...teamGrantOf(grant, record.activeGrant));
    grant = null;
  }
  if (signed) grant = grantInForce(signed, decisionId);

  const next: GovernedInteraction = {
    record: decided,
    latestState:
      version >= governed.record.latestIntentVersion || governed.latestState === null
        ? storedIntentState(state)
        : governed.latestState,
    decidedVersions: withDecidedVersion(governed.decidedVersions, version),
    grant,
    sequence,
  };
  return {
    kind: 'decided',
    outcome: {
      state: next,
      effects,
      result: {
        outcome: verdict.outcome,
        decisionId,
        intentVersion: version,
        grantId,
        revokedGrantId: revocation?.grantId ?? null,
        released,
        checkAtMs: grantCheckAtMs(next, nowMs, context.grantCheckIntervalMs),
      },
    },
  };
}

function grantInForce(signed: SignedGrant, decisionId: string): GrantInForce {
  return {
    grantId: signed.claims.grantId,
    decisionId,
    team: signed.team,
    signed: storedGrant(signed.grant),
    booking: false,
  };
}

// Plans are plain data built the same way every time: equal JSON means the same authorisation.
function samePlan(a: GrantPlan, b: GrantPlan): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
