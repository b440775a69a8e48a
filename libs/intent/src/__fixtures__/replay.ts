// Feeds signals through qualify as the app would: keep the returned context always, the state only
// when a change was made.
import type { IIntentState } from '@warmline/contracts';
import type { IntentChange } from '../intent-change.js';
import type { QualificationContext } from '../qualification-context.js';
import { DEFAULT_QUALIFICATION_RULES, type QualificationRules } from '../qualification-rules.js';
import { qualify } from '../qualify.js';
import type { SignalEvent } from '../signal-event.js';

export interface Replayed {
  /** The last state written; throws in `replay` if no signal produced one. */
  readonly state: IIntentState;
  readonly context: QualificationContext;
  /** Every change, in order. */
  readonly changes: IntentChange[];
  /** Every state version written, in order. */
  readonly versions: IIntentState[];
}

/** Applies `events` in order, starting from `from` (default: nothing stored yet). */
export function replay(
  events: readonly SignalEvent[],
  rules: QualificationRules = DEFAULT_QUALIFICATION_RULES,
  from: { state: IIntentState | null; context: QualificationContext | null } = {
    state: null,
    context: null,
  },
): Replayed {
  let { state, context } = from;
  const changes: IntentChange[] = [];
  const versions: IIntentState[] = [];
  for (const event of events) {
    const result = qualify(state, context, event, rules);
    context = result.context;
    if (result.change !== null) {
      state = result.state;
      changes.push(result.change);
      versions.push(result.state);
    }
  }
  if (state === null || context === null) throw new Error('replay: no signal produced a state');
  return { state, context, changes, versions };
}
