// Input no decision can honestly be made on is refused loudly (the app dead-letters it) rather than
// decided on: a decision names its interaction and intent version, so both must be real.
import { isValidId, type IIntentState } from '@warmline/contracts';
import { EscalationInputError } from './errors.js';
import type { InteractionRecord } from './interaction-record.js';
import type { ControlsSnapshot } from './live-transfer-controls.js';

/** Throws EscalationInputError naming the first unusable field. */
export function checkEscalationInput(input: {
  readonly state: IIntentState;
  readonly readinessNow: number;
  readonly record: InteractionRecord;
  readonly nowMs: number;
  readonly controls?: ControlsSnapshot;
}): void {
  const { state, readinessNow, record, nowMs, controls } = input;
  if (!isValidId(state.interactionId)) {
    fail(
      'state.interactionId',
      `must match [A-Za-z0-9_-]{1,128}, got ${JSON.stringify(state.interactionId)}`,
    );
  }
  if (!Number.isInteger(state.version) || (state.version ?? 0) < 1) {
    fail('state.version', `must be an intent version ≥ 1, got ${state.version}`);
  }
  if (state.interactionId !== record.interactionId) {
    fail(
      'record.interactionId',
      `record is for ${record.interactionId}, state for ${state.interactionId}`,
    );
  }
  if (!(readinessNow >= 0 && readinessNow <= 1)) {
    fail('readinessNow', `must be a score in 0..1, got ${readinessNow}`);
  }
  if (!Number.isFinite(nowMs)) fail('nowMs', `must be a finite time in ms, got ${nowMs}`);
  if (controls) {
    for (const field of ['escalationsInWindow', 'availableClosers', 'pendingTransfers'] as const) {
      const value = controls[field];
      if (!Number.isInteger(value) || value < 0) {
        fail(`controls.${field}`, `must be a count ≥ 0, got ${value}`);
      }
    }
  }
}

function fail(field: string, message: string): never {
  throw new EscalationInputError(field, `${field} ${message}`);
}
