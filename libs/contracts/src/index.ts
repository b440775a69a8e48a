// Public face of @warmline/contracts: the generated warmline.v1 protobuf code, the envelope codec,
// subject naming and the timestamp helpers.
import { google, warmline } from './generated/warmline.js';

export { google, warmline };

export { AGENTS, agentScopes, agentSpec, isAgentName, natsPasswordVariable } from './agents.js';
export type { AgentName, AgentSpec } from './agents.js';
export {
  BODY_CASES,
  BODIES_WITHOUT_INTERACTION,
  envelopeBodyCase,
  envelopeBodyCases,
  PERCEPTION_CASES,
  perceptionCasesOf,
} from './body.js';
export type { BodyCase, PerceptionCase } from './body.js';
export { decodeEnvelope, encodeEnvelope, validateEnvelope } from './codec.js';
export {
  ContractDecodeError,
  ContractError,
  ContractValidationError,
  isContractError,
} from './errors.js';
export type { ContractErrorCode } from './errors.js';
export { fnv1a32 } from './fnv1a.js';
export { ID_PATTERN, isValidId } from './ids.js';
export { GRANT_SCOPES } from './scopes.js';
export type { GrantScope } from './scopes.js';
export {
  FAMILIES,
  PARTITIONS,
  SUBJECT_ROOT,
  closerSubject,
  deadLetterSubject,
  familySpec,
  isFamily,
  isInteractionFamily,
  parseCloserSubject,
  parseDeadLetterSubject,
  parseSubject,
  partitionFilter,
  partitionOf,
  requiredScope,
  streamFor,
  streamSubjects,
  subjectFor,
} from './subjects.js';
export type {
  Family,
  FamilyKey,
  FamilySpec,
  InteractionFamily,
  ParsedSubject,
} from './subjects.js';
export { SPAN_ATTRIBUTES } from './span-attributes.js';
export { fromOptionalTimestamp, fromTimestamp, toTimestamp } from './time.js';

/** The v1 namespace, for `v1.Envelope.create(...)` and enum values such as `v1.MarkerStatus`. */
export const v1 = warmline.v1;

// Short aliases of the message types agents use most (decoded class / plain-object interface).
export type Envelope = warmline.v1.Envelope;
export type IEnvelope = warmline.v1.IEnvelope;
export type IAuthority = warmline.v1.IAuthority;
export type IAuthorityGrant = warmline.v1.IAuthorityGrant;
export type IGrantClaims = warmline.v1.IGrantClaims;
export type IProducer = warmline.v1.IProducer;
export type IPerceptionEvent = warmline.v1.IPerceptionEvent;
export type ISignal = warmline.v1.ISignal;
export type IIntentState = warmline.v1.IIntentState;
export type IIntentMarker = warmline.v1.IIntentMarker;
export type IIntentStateChanged = warmline.v1.IIntentStateChanged;
export type IEscalationDecision = warmline.v1.IEscalationDecision;
export type IGrantRevoked = warmline.v1.IGrantRevoked;
export type IHandoffEvent = warmline.v1.IHandoffEvent;
export type IHandoffBrief = warmline.v1.IHandoffBrief;
export type IReservationEvent = warmline.v1.IReservationEvent;
export type IReservationResponse = warmline.v1.IReservationResponse;
export type ITelephonyCommand = warmline.v1.ITelephonyCommand;
export type ICallProgress = warmline.v1.ICallProgress;
export type ICloserPresence = warmline.v1.ICloserPresence;
export type IAppointmentEvent = warmline.v1.IAppointmentEvent;
export type IDeadLetter = warmline.v1.IDeadLetter;
export type ITimestamp = google.protobuf.ITimestamp;
