// Public face of @warmline/simulation: the pure half of the simulator — scenarios, the buyer model
// and call plans, fault injection, closer desk behaviour, outcomes and the report with its renderers.
export { MARKER_ORDER } from './buyer-lines.js';
export type { MarkerName } from './buyer-lines.js';
export { abandonProbability, patienceMs, remainingReadiness } from './buyer-patience.js';
export { OUTCOME_KINDS, classifyOutcome } from './call-outcome.js';
export type { CallFacts, CallOutcome, OutcomeKind } from './call-outcome.js';
export type { AmdError, CallPlan, EventTag, PlannedEvent } from './call-plan.js';
export {
  EXPECTED_CALL_PICKUP_MS,
  VOICEMAIL_PICKUP_MS,
  closerTalkTimeMs,
  deskResponse,
} from './closer-desk.js';
export type { DeskAnswer, DeskResponse } from './closer-desk.js';
export { closersOf } from './closer-pool.js';
export type { CloserSpec } from './closer-pool.js';
export { closerAddress, closerPresenceOf } from './closer-presence.js';
export type { PresenceName } from './closer-presence.js';
export { DEFAULT_SCENARIO } from './default-scenario.js';
export {
  ScenarioInvalidError,
  SimulationError,
  SimulationInputError,
  isSimulationError,
} from './errors.js';
export type { ScenarioProblem, SimulationErrorCode } from './errors.js';
export { HANG_UP_REASONS, hangUpEvent } from './hang-up.js';
export { faultNamesOf, injectFaults } from './inject-faults.js';
export { outgoingEvents, perceptionEnvelopeFields } from './outgoing-event.js';
export type { InjectedFault, OutgoingEvent } from './outgoing-event.js';
export { parseScenario } from './parse-scenario.js';
export type { ScenarioFormat } from './parse-scenario.js';
export { percentile, summarize } from './percentiles.js';
export type { LatencySummary } from './percentiles.js';
export { PERSONA_TRAITS } from './persona-traits.js';
export type { PersonaTraits } from './persona-traits.js';
export { planCall } from './plan-call.js';
export type { PlanOptions } from './plan-call.js';
export { campaignIdFor, policyDocumentFor, policyOverridesFor } from './policy-overrides.js';
export type { PolicyDocument, PolicyOverrides } from './policy-overrides.js';
export { policyFilesFor, type PolicyFile } from './policy-files.js';
export { reportJson } from './report-json.js';
export { renderReportHtml } from './report-html.js';
export { renderReportTable } from './report-table.js';
export { REPORT_SCHEMA, buildReport } from './report.js';
export type { ComparisonRow, ModeReport, ReasonCount, Report } from './report.js';
export {
  FULL_REQUALIFICATION_MS,
  REQUALIFICATION_TOLERANCE_MS,
  coldTransferCost,
  requalificationCost,
} from './requalification.js';
export type { RequalificationCost } from './requalification.js';
export { Rng, callRng } from './rng.js';
export { scenarioSchema } from './scenario-schema.js';
export type {
  BuyerPopulation,
  CloserPool,
  CloserTraits,
  FaultRates,
  ListedCloser,
  MsRange,
  PolicyOverride,
  Scenario,
  WorkingPeriod,
} from './scenario-schema.js';
export { arrivalOffsetsMs, toSimulatedMs, toWallMs } from './simulation-time.js';
export { consentWindowOf, isInsideWindow, timingAnswer, timingWindow } from './timing-answer.js';
export type { CallbackWindow, TimeWindow, TimingAnswer } from './timing-answer.js';
export {
  OBJECTION_TOPICS,
  PERSONAS,
  SIMULATION_MODES,
  TIMING_KINDS,
  WEEKDAYS,
} from './vocabulary.js';
export type { ObjectionTopic, Persona, SimulationMode, TimingKind, Weekday } from './vocabulary.js';
