// The use case behind the decision handler: a live-transfer grant starts a transfer (or is refused,
// committed, then dead-lettered as GRANT_REFUSED), a revocation withdraws an unbridged transfer, and
// every other decision only tells the router the interaction's latest intent version.
import { Inject, Injectable } from '@nestjs/common';
import { STORE } from '@warmline/agent-runtime';
import type { GrantVerifier } from '@warmline/authority';
import { PermanentHandlerError } from '@warmline/bus';
import { ATTR, traced } from '@warmline/telemetry';
import { v1, type warmline } from '@warmline/contracts';
import type { WarmlineStore } from '@warmline/store';
import { refusingBadInput } from './domain-failure.js';
import { grantStep, type GrantStepResult } from './grant-step.js';
import { HandoffDeadlines } from './handoff-deadlines.js';
import { intentVersionStep } from './intent-version-step.js';
import { revocationStep } from './revocation-step.js';
import type { RouterSettings } from './router-settings.js';
import { GRANT_VERIFIER, ROUTER_SETTINGS } from './tokens.js';
import { TransferDriver } from './transfer-driver.js';

@Injectable()
export class TakeDecision {
  constructor(
    @Inject(STORE) private readonly store: WarmlineStore,
    @Inject(GRANT_VERIFIER) private readonly verifier: GrantVerifier,
    @Inject(ROUTER_SETTINGS) private readonly settings: RouterSettings,
    private readonly driver: TransferDriver,
    private readonly deadlines: HandoffDeadlines,
  ) {}

  async execute(envelope: warmline.v1.Envelope): Promise<GrantStepResult | null> {
    const interactionId = envelope.interactionId;
    const ctx = this.driver.context(envelope.eventId);
    let result: GrantStepResult | null = null;
    if (envelope.grantRevoked) {
      await this.driver.step(interactionId, (current) => revocationStep(current, envelope, ctx));
    } else if (isLiveTransfer(envelope)) {
      const intent = await this.store.intents.get(interactionId);
      const arrival = { envelope, intent, verifier: this.verifier, settings: this.settings };
      // Verification runs inside the step (on the record it commits with); the span covers both.
      result = await traced(
        'verify grant',
        { [ATTR.interactionId]: interactionId, [ATTR.intentVersion]: envelope.intentVersion },
        async (span) => {
          const verdict = await refusingBadInput(() =>
            this.driver.step(interactionId, (current) => grantStep(current, arrival, ctx)),
          );
          // A refusal is an ordinary outcome of verification, recorded, not a fault of this span.
          if (verdict) span.setAttribute('warmline.grant.verdict', verdict.kind);
          if (verdict?.kind === 'refused')
            span.setAttribute('warmline.grant.refusal', verdict.code);
          return verdict;
        },
      );
    } else {
      await this.driver.step(interactionId, (current) => intentVersionStep(current, envelope));
    }
    await this.deadlines.track(
      interactionId,
      await this.driver.settle(interactionId, envelope.eventId),
    );
    if (result?.kind === 'refused') {
      // Committed and published above; the dead letter keeps the refused decision for operators.
      throw new PermanentHandlerError(`grant refused: ${result.message}`, {
        reason: 'GRANT_REFUSED',
        errorCode: result.code,
      });
    }
    return result;
  }
}

function isLiveTransfer(envelope: warmline.v1.Envelope): boolean {
  return (
    envelope.escalationDecision?.outcome ===
    v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER
  );
}
