// The use case behind the decision handler: an AUTHORIZE_APPOINTMENT decision books; a GrantRevoked
// withdraws a grant (and may make older grants stale); an authentic live-transfer grant raises the
// intent version older grants are measured against. HOLD and DENY change nothing here.
import { Inject, Injectable } from '@nestjs/common';
import {
  AGENT_LOGGER,
  STEPS,
  type AgentLogger,
  type CheckpointedSteps,
} from '@warmline/agent-runtime';
import { v1, type warmline } from '@warmline/contracts';
import { BookAppointment } from './book-appointment.js';
import { GrantGate } from './grant-gate.js';
import { interactionKey, revokeGrantStep, type InteractionRecord } from './interaction-step.js';

const Outcome = v1.EscalationOutcome;

@Injectable()
export class HandleDecision {
  constructor(
    @Inject(STEPS) private readonly steps: CheckpointedSteps,
    @Inject(AGENT_LOGGER) private readonly logger: AgentLogger,
    private readonly book: BookAppointment,
    private readonly gate: GrantGate,
  ) {}

  /** Acts on one envelope of the `decision` family. */
  async execute(envelope: warmline.v1.IEnvelope): Promise<void> {
    const interactionId = envelope.interactionId ?? '';
    if (envelope.grantRevoked) {
      const revoked = envelope.grantRevoked;
      await this.steps.run(interactionKey(interactionId), (current: InteractionRecord | null) =>
        revokeGrantStep(current, interactionId, revoked),
      );
      this.logger.info('grant revoked', { interactionId, grantId: revoked.grantId });
      return;
    }
    const decision = envelope.escalationDecision;
    const grant = envelope.authority?.grant ?? decision?.grant;
    switch (decision?.outcome) {
      case Outcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT:
        await this.book.execute(envelope, {
          grant,
          decisionVersion: decision.intentVersion ?? 0,
          fallback: null,
        });
        return;
      case Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER:
        await this.gate.noteLiveTransfer(envelope, grant);
        return;
      default:
        return;
    }
  }
}
