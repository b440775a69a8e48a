// Public face of @warmline/intent: the qualification reducer, the deterministic claim extractor and
// its phrase sets, consent-window parsing, readiness decay, and the state queries the governor and
// the router's handoff brief use.
export { classifyAgentTurn } from './agent-turn.js';
export type { AgentAsk } from './agent-turn.js';
export type {
  Claim,
  ConversationSoFar,
  MarkerClaim,
  ObjectionClaim,
  OpenObjectionView,
  Polarity,
} from './claims.js';
export { CONSENT_WINDOW_DEFAULTS, mentionsTime, parseConsentWindow } from './consent-window.js';
export type { ConsentWindow } from './consent-window.js';
export { contextFromState } from './context-from-state.js';
export { ENGLISH_PHRASES } from './english-phrases.js';
export {
  InteractionMismatchError,
  IntentError,
  PhraseSetInvalidError,
  QualificationContextInvalidError,
  QualificationRulesError,
  SignalInvalidError,
  TimeZoneInvalidError,
  isIntentError,
} from './errors.js';
export type { IntentErrorCode } from './errors.js';
export { RESOLUTION_MAX_CHARS, extractClaims } from './extractor.js';
export { intentStateChanged } from './intent-change.js';
export type { IntentChange } from './intent-change.js';
export { markerOf, openObjections, validatedMarkers } from './intent-queries.js';
export { MARKER_KIND_NAMES, markerKindName, markerKindOf } from './marker-kind.js';
export type { MarkerKindName } from './marker-kind.js';
export { EVIDENCE_PER_MARKER, nextStatus } from './marker-transition.js';
export {
  SHIPPED_PHRASE_SETS,
  mergePhraseSet,
  parsePhraseSet,
  parsePhraseSetPatch,
  phraseSetFor,
} from './phrase-set-config.js';
export type { ListPatch, PhraseSetPatch } from './phrase-set-config.js';
export type { MarkerPhrases, ObjectionPhrases, PhraseSet } from './phrase-set.js';
export {
  CONTEXT_LIMITS,
  newQualificationContext,
  parseQualificationContext,
} from './qualification-context.js';
export type {
  AgentTurn,
  InterruptionRecord,
  OpenObjectionRecord,
  QualificationContext,
  ResistanceEvent,
  SegmentRecord,
  Validation,
} from './qualification-context.js';
export { DEFAULT_QUALIFICATION_RULES, qualificationRules } from './qualification-rules.js';
export type {
  CadenceRules,
  QualificationRules,
  QualificationRulesInput,
  ReadinessWeights,
} from './qualification-rules.js';
export { qualify } from './qualify.js';
export type { QualificationResult } from './qualify.js';
export { MARKER_VALUE, decayFactor, decayState, readinessAt, readinessScore } from './readiness.js';
export type { ReadinessComponents } from './intent-draft.js';
export { signalEventFromEnvelope } from './signal-event.js';
export type { SignalEvent } from './signal-event.js';
export { isVoicemailGreeting } from './voicemail-greeting.js';
