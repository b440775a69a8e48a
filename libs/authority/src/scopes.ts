// One table of scope names. The strings themselves are owned by @warmline/contracts: grant scopes by
// GRANT_SCOPES, bus publish scopes by the family table in subjects.ts (docs/bus.md).
import { GRANT_SCOPES, requiredScope } from '@warmline/contracts';

/** Every scope Warmline knows: the actions a grant authorises and the publish scope of each bus family. */
export const SCOPES = {
  ...GRANT_SCOPES,
  perceptionPublish: requiredScope('perception'),
  signalPublish: requiredScope('signal'),
  intentPublish: requiredScope('intent'),
  decisionPublish: requiredScope('decision'),
  handoffPublish: requiredScope('handoff'),
  telephonyCommand: requiredScope('telephony'),
  telephonyReport: requiredScope('callprogress'),
  reservationRespond: requiredScope('reservation'),
  appointmentPublish: requiredScope('appointment'),
  closerPresence: requiredScope('closer'),
  deadletterPublish: requiredScope('dlq'),
} as const;

// A scope is lower-case dotted words, e.g. "transfer.live": the form every table above uses.
const SCOPE_PATTERN = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/;

/** True when `scope` has the shape of a scope ("word.word", lower case). */
export function isScopeName(scope: string): boolean {
  return SCOPE_PATTERN.test(scope);
}
