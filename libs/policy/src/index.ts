// Public face of @warmline/policy: the escalation governor's pure domain logic — campaign policies
// (parse, validate, resolve), the interaction lifecycle and record, escalation and revocation
// evaluation, and the escalation rate window.
export type { DecisionReason } from './decision-reason.js';
export { escalationDecisionOf, grantRevokedOf, isAuthorisation } from './decision-messages.js';
export { DEFAULT_POLICY } from './default-policy.js';
export {
  EscalationInputError,
  IllegalTransitionError,
  InteractionRecordError,
  PolicyConflictError,
  PolicyInvalidError,
  PolicyLibError,
  RateWindowError,
  isPolicyLibError,
} from './errors.js';
export type { PolicyErrorCode, PolicyProblem } from './errors.js';
export { evaluateEscalation } from './evaluate-escalation.js';
export type { EscalationInput, Verdict } from './evaluate-escalation.js';
export { evaluateRevocation } from './evaluate-revocation.js';
export type { Revocation, RevocationInput } from './evaluate-revocation.js';
export type { GrantPlan } from './grant-plan.js';
export {
  INTERACTION_EVENTS,
  INTERACTION_PHASES,
  canTransition,
  interactionStateOf,
  isTerminalPhase,
  phaseOf,
  transition,
} from './interaction-phase.js';
export type { InteractionEvent, InteractionPhase } from './interaction-phase.js';
export {
  newInteractionRecord,
  recordDecision,
  recordExecution,
  recordNoSlot,
  recordRevocation,
} from './interaction-record.js';
export type {
  ActiveGrant,
  ExecutionEvent,
  InteractionRecord,
  IssuedGrant,
} from './interaction-record.js';
export type { ControlsSnapshot } from './live-transfer-controls.js';
export { isWithinOperatingHours } from './operating-hours.js';
export { deepFreeze } from './deep-freeze.js';
export { readDocument } from './document-reader.js';
export type { DocumentFormat, DocumentKind, DocumentProblem } from './document-reader.js';
export { parsePolicy } from './parse-policy.js';
export type { PolicyFormat } from './parse-policy.js';
export { PolicyBook } from './policy-book.js';
export { policyJsonSchema } from './policy-json-schema.js';
export { MAX_GRANT_TTL_MS, campaignPolicySchema } from './policy-schema.js';
export type {
  AppointmentPolicy,
  CampaignPolicy,
  FallbackRulePolicy,
  LiveTransferPolicy,
  OperatingHours,
  PolicyControls,
  SignalQualityPolicy,
} from './policy-schema.js';
export { ESCALATION_RATE_WINDOW_MS, RateWindow } from './rate-window.js';
export { readinessAt } from './readiness.js';
export {
  FALLBACK_ACTIONS,
  FALLBACK_CONDITIONS,
  MARKER_NAMES,
  SIGNAL_FAULT_NAMES,
  markerKindOf,
  markerNameOf,
} from './vocabulary.js';
export type {
  EscalationAction,
  FallbackActionName,
  FallbackConditionName,
  MarkerName,
  SignalFaultName,
} from './vocabulary.js';
