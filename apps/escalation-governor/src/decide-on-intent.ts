// The use case behind the intent handler: one intent version in, at most one revocation and exactly
// one decision out, crash-safe. Authorisations take two runs of the same pure step: the first says
// which grant it needs, the grant is signed (and a live transfer claimed in its team's load), and
// the second commits it — or asks again if the interaction or the controls moved in between.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  AGENT_LOGGER,
  STEPS,
  type AgentLogger,
  type CheckpointedSteps,
} from '@warmline/agent-runtime';
import { decodeGrantClaims, type GrantSigner } from '@warmline/authority';
import { ATTR, traced } from '@warmline/telemetry';
import { fromOptionalTimestamp, v1, type warmline } from '@warmline/contracts';
import type { CampaignPolicy, GrantPlan } from '@warmline/policy';
import { CloserPresence } from './closer-presence.js';
import {
  grantCheckAtMs,
  interactionKey,
  type GovernedInteraction,
} from './governed-interaction.js';
import { GovernorMetrics } from './governor-metrics.js';
import type { GovernorSettings } from './governor-settings.js';
import { GrantWatch } from './grant-watch.js';
import { intentChangeOf, type IntentChange } from './intent-change.js';
import {
  intentStep,
  type IntentDecided,
  type IntentStep,
  type IntentStepContext,
  type SignedGrant,
} from './intent-step.js';
import { refusingPermanentFailures } from './refusal.js';
import { TeamCapacity } from './team-capacity.js';
import { controlsOf, type PendingTransfer } from './team-load.js';
import { GOVERNOR_SETTINGS, GRANT_SIGNER } from './tokens.js';

/** Rounds of decide → sign → commit before the message is retried later (transient). */
const MAX_ROUNDS = 5;

type Ran = Exclude<IntentStep, { kind: 'decided' }> | { kind: 'decided'; result: IntentDecided };

@Injectable()
export class DecideOnIntent {
  constructor(
    @Inject(STEPS) private readonly steps: CheckpointedSteps,
    @Inject(GOVERNOR_SETTINGS) private readonly settings: GovernorSettings,
    @Inject(GRANT_SIGNER) private readonly signer: GrantSigner,
    @Inject(AGENT_LOGGER) private readonly logger: AgentLogger,
    private readonly teams: TeamCapacity,
    private readonly closers: CloserPresence,
    private readonly watch: GrantWatch,
    private readonly metrics: GovernorMetrics,
  ) {}

  /**
   * Revokes the grant in force if this version invalidates it, then decides on the version and
   * publishes the decision (with its signed grant for authorisations). A version decided already is
   * a redelivery and changes nothing (null). Invalid input is dead-lettered as VALIDATION_FAILED.
   */
  async execute(envelope: warmline.v1.Envelope): Promise<IntentDecided | null> {
    return refusingPermanentFailures(async () => {
      const change = intentChangeOf(envelope);
      const policy = this.settings.policies.policyFor(change.state.campaignId ?? '');
      for (let round = 1; round <= MAX_ROUNDS; round++) {
        const decided = await this.round(change, policy);
        if (decided === 'again') continue;
        // Published by now (the step performed its effects); a redelivery decided nothing (null).
        const occurredAtMs = fromOptionalTimestamp(envelope.occurredAt);
        if (decided && occurredAtMs !== undefined)
          this.metrics.decisionPublished(decided.outcome, occurredAtMs, Date.now());
        return decided;
      }
      throw new Error(
        `decision on ${envelope.interactionId} v${change.state.version} kept changing for ${MAX_ROUNDS} rounds`,
      );
    });
  }

  private async round(
    change: IntentChange,
    policy: CampaignPolicy | null,
  ): Promise<IntentDecided | null | 'again'> {
    const nowMs = Date.now();
    const team = policy ? await this.teams.snapshot(policy.team) : null;
    const context: IntentStepContext = {
      policy,
      nowMs,
      controls: controlsOf(team?.load ?? null, this.closers.available(), nowMs),
      decisionId: randomUUID(),
      signed: null,
      grantCheckIntervalMs: this.settings.grantCheckIntervalMs,
    };
    const first = await this.run(change, context);
    if (first.kind !== 'sign') return this.settle(change, first);
    if (policy === null || team === null) throw new Error('an authorisation needs a policy');

    const signed = await traced(
      'sign grant',
      {
        [ATTR.interactionId]: change.state.interactionId ?? '',
        [ATTR.intentVersion]: first.plan.intentVersion,
      },
      (span) => {
        const grant = this.sign(first.plan, policy.team, nowMs);
        span.setAttribute(ATTR.grantId, grant.claims.grantId);
        return grant;
      },
    );
    const transfer = pendingTransferOf(signed);
    if (transfer && !(await this.teams.claim(team, transfer, policy, nowMs))) return 'again';
    const second = await this.run(change, { ...context, decisionId: randomUUID(), signed });
    const used = second.kind === 'decided' && second.result.grantId === signed.claims.grantId;
    if (transfer && !used)
      await this.teams.release([{ team: policy.team, grantId: transfer.grantId }]);
    return second.kind === 'sign' ? 'again' : this.settle(change, second);
  }

  private async run(change: IntentChange, context: IntentStepContext): Promise<Ran> {
    let asked = { kind: 'duplicate' } as Ran;
    const result = await this.steps.run<GovernedInteraction, IntentDecided>(
      interactionKey(change.state.interactionId ?? ''),
      (current) => {
        const step = intentStep(current, change, context);
        if (step.kind === 'decided') return step.outcome;
        asked = step;
        return null;
      },
    );
    return result ? { kind: 'decided', result } : asked;
  }

  private sign(plan: GrantPlan, team: string, nowMs: number): SignedGrant {
    const decisionId = randomUUID();
    const grant = this.signer.issue({ ...plan, decisionId }, nowMs);
    const { grantId, issuedAtMs, expiresAtMs } = decodeGrantClaims(grant.claims);
    return { plan, decisionId, grant, claims: { grantId, issuedAtMs, expiresAtMs }, team };
  }

  private async settle(change: IntentChange, ran: Ran): Promise<IntentDecided | null> {
    const interactionId = change.state.interactionId ?? '';
    if (ran.kind !== 'decided') {
      this.logger.debug({
        msg: 'intent version decided already',
        interactionId,
        eventId: change.eventId,
      });
      // A predecessor may have died before arming the grant check: arm it from the checkpoint.
      const stored = await this.steps.read(interactionKey(interactionId));
      const governed = (stored?.checkpoint.state ?? null) as GovernedInteraction | null;
      const interval = this.settings.grantCheckIntervalMs;
      await this.watch.schedule(interactionId, grantCheckAtMs(governed, Date.now(), interval));
      return null;
    }
    const decided = ran.result;
    this.logger.info('escalation decided', {
      interactionId,
      intentVersion: decided.intentVersion,
      outcome: v1.EscalationOutcome[decided.outcome],
      decisionId: decided.decisionId,
      grantId: decided.grantId,
      revokedGrantId: decided.revokedGrantId,
    });
    await this.teams.release(decided.released);
    await this.watch.schedule(interactionId, decided.checkAtMs);
    return decided;
  }
}

function pendingTransferOf(signed: SignedGrant): PendingTransfer | null {
  if (signed.plan.action !== 'live_transfer') return null;
  return {
    grantId: signed.claims.grantId,
    interactionId: signed.plan.interactionId,
    expiresAtMs: signed.claims.expiresAtMs,
  };
}
