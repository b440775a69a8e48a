// One structured log line per transfer state the router announced, so an operator can follow a
// transfer in the logs (and from a line to its trace: the line carries the trace and span ids of
// the message whose handling announced it).
import type { AgentLogger, Effect, StepObserver } from '@warmline/agent-runtime';
import { v1 } from '@warmline/contracts';
import { enumLabel } from '@warmline/telemetry';

/** The message of every transfer-state line (fields: interaction, handoff, attempt, state, reason, closer). */
export const TRANSFER_STATE_MESSAGE = 'transfer state';

/** Logs each HandoffEvent once its step has published it. */
export class TransferLog implements StepObserver {
  constructor(private readonly logger: Pick<AgentLogger, 'info'>) {}

  onEffectsPerformed(_key: string, effects: readonly Effect[]): void {
    for (const effect of effects) {
      if (effect.kind !== 'publish' || !effect.envelope.handoffEvent) continue;
      const event = effect.envelope.handoffEvent;
      this.logger.info(TRANSFER_STATE_MESSAGE, {
        interactionId: effect.interactionId,
        handoffId: event.handoffId,
        attempt: event.attempt,
        mode: enumLabel(v1.TransferMode, event.mode, 'TRANSFER_MODE_'),
        state: enumLabel(v1.HandoffState, event.state, 'HANDOFF_STATE_'),
        reason: enumLabel(v1.HandoffFailureReason, event.failureReason, 'HANDOFF_FAILURE_REASON_'),
        ...(event.closerId ? { closerId: event.closerId } : {}),
      });
    }
  }
}
