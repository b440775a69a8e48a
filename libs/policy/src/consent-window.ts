// The buyer's consented timing window as a grant carries it (milliseconds), when the state has a
// usable one: both ends set and the end after the start.
import type { ConsentWindow } from '@warmline/authority';
import { fromOptionalTimestamp, type IIntentState } from '@warmline/contracts';

/** The consent window of `state`, or null when none was given or it is malformed. */
export function consentWindowOf(state: IIntentState): ConsentWindow | null {
  const window = state.consentWindow;
  const startAtMs = fromOptionalTimestamp(window?.startAt);
  const endAtMs = fromOptionalTimestamp(window?.endAt);
  if (startAtMs === undefined || endAtMs === undefined || !(endAtMs > startAtMs)) return null;
  return {
    startAtMs,
    endAtMs,
    timeZone: window?.timeZone ?? '',
    sourceText: window?.sourceText ?? '',
  };
}
