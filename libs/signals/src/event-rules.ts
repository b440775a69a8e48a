// The rules of each PerceptionEvent case beyond the wire types. `at` is the wire path of the case.
import { v1, type warmline } from '@warmline/contracts';
import {
  invalid,
  requireId,
  requireLanguageTag,
  requireOneOf,
  requirePositiveUint32,
  requireUint32,
  requireUnitInterval,
} from './field-rules.js';

const { AmdResult, MarkerKind, MarkerStatus, ObjectionStatus, Speaker } = v1;
const OBJECTION_TOPIC = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const MAX_OBJECTION_TOPIC_LENGTH = 64;

/** Every AMD outcome except UNSPECIFIED. */
const AMD_RESULTS = [
  AmdResult.AMD_RESULT_HUMAN,
  AmdResult.AMD_RESULT_MACHINE_START,
  AmdResult.AMD_RESULT_MACHINE_END_BEEP,
  AmdResult.AMD_RESULT_MACHINE_END_SILENCE,
  AmdResult.AMD_RESULT_MACHINE_END_OTHER,
  AmdResult.AMD_RESULT_FAX,
  AmdResult.AMD_RESULT_UNKNOWN,
];
const PARTIES = [Speaker.SPEAKER_BUYER, Speaker.SPEAKER_AGENT, Speaker.SPEAKER_SYSTEM];
const TALKERS = [Speaker.SPEAKER_BUYER, Speaker.SPEAKER_AGENT];
const MARKER_KINDS = [
  MarkerKind.MARKER_KIND_SCOPE_CONFIRMED,
  MarkerKind.MARKER_KIND_TIMING_CONSENT,
  MarkerKind.MARKER_KIND_NEXT_STEP_ACCEPTED,
  MarkerKind.MARKER_KIND_ESCALATION_PERMISSION,
];
const MARKER_STATUSES = [
  MarkerStatus.MARKER_STATUS_ABSENT,
  MarkerStatus.MARKER_STATUS_EXPLORATORY,
  MarkerStatus.MARKER_STATUS_VALIDATED,
  MarkerStatus.MARKER_STATUS_REVOKED,
];
const OBJECTION_STATUSES = [
  ObjectionStatus.OBJECTION_STATUS_RAISED,
  ObjectionStatus.OBJECTION_STATUS_RESOLVED,
];

export function validateCallAnswered(event: warmline.v1.ICallAnswered, at: string): void {
  requireUint32(event.ringDurationMs, `${at}.ring_duration_ms`);
}

export function validateAnsweringMachineResult(
  event: warmline.v1.IAnsweringMachineResult,
  at: string,
): void {
  requireOneOf(event.result, AMD_RESULTS, AmdResult, `${at}.result`);
  requireUnitInterval(event.confidence, `${at}.confidence`);
  requireUint32(event.detectionMs, `${at}.detection_ms`);
}

export function validateTranscriptSegment(
  segment: warmline.v1.ITranscriptSegment,
  at: string,
): void {
  requireId(segment.segmentId, `${at}.segment_id`);
  requireOneOf(segment.speaker, TALKERS, Speaker, `${at}.speaker`);
  if (segment.isFinal && !segment.text?.trim()) {
    throw invalid(`${at}.text`, 'must not be empty on a final segment');
  }
  requireUnitInterval(segment.asrConfidence, `${at}.asr_confidence`);
  requireUint32(segment.asrLatencyMs, `${at}.asr_latency_ms`);
  requireUint32(segment.startOffsetMs, `${at}.start_offset_ms`);
  requireUint32(segment.endOffsetMs, `${at}.end_offset_ms`);
  const start = segment.startOffsetMs ?? 0;
  const end = segment.endOffsetMs ?? 0;
  if (end < start) {
    throw invalid(`${at}.end_offset_ms`, `(${end}) must be >= start_offset_ms (${start})`);
  }
  if (segment.language) requireLanguageTag(segment.language, `${at}.language`);
  requireUint32(segment.revision, `${at}.revision`);
}

export function validateInterruption(event: warmline.v1.IInterruption, at: string): void {
  requireOneOf(event.by, PARTIES, Speaker, `${at}.by`);
  requireId(event.interruptedSegmentId, `${at}.interrupted_segment_id`);
  requireUint32(event.offsetMs, `${at}.offset_ms`);
  requireUint32(event.overlapMs, `${at}.overlap_ms`);
}

export function validateSilence(event: warmline.v1.ISilence, at: string): void {
  requirePositiveUint32(event.durationMs, `${at}.duration_ms`);
  requireUint32(event.offsetMs, `${at}.offset_ms`);
}

export function validateCallTimeout(event: warmline.v1.ICallTimeout, at: string): void {
  requireUint32(event.elapsedMs, `${at}.elapsed_ms`);
  requirePositiveUint32(event.limitMs, `${at}.limit_ms`);
}

export function validateHangUp(event: warmline.v1.IHangUp, at: string): void {
  requireOneOf(event.by, PARTIES, Speaker, `${at}.by`);
}

export function validateTokenLimitReached(event: warmline.v1.ITokenLimitReached, at: string): void {
  requireUint32(event.tokensUsed, `${at}.tokens_used`);
  requirePositiveUint32(event.limit, `${at}.limit`);
}

export function validatePromptDrift(event: warmline.v1.IPromptDrift, at: string): void {
  requireUnitInterval(event.score, `${at}.score`);
}

/** Exactly one claim: a marker claim (kind + status) or an objection claim (topic + status). */
export function validateStructuredAssertion(
  assertion: warmline.v1.IStructuredAssertion,
  at: string,
): void {
  const markerClaim = Boolean(assertion.markerKind) || Boolean(assertion.markerStatus);
  const objectionClaim = Boolean(assertion.objectionTopic) || Boolean(assertion.objectionStatus);
  if (markerClaim === objectionClaim) {
    throw invalid(
      at,
      markerClaim
        ? 'must claim either a marker (marker_kind, marker_status) or an objection (objection_topic, objection_status), not both'
        : 'must claim a marker (marker_kind, marker_status) or an objection (objection_topic, objection_status)',
    );
  }
  if (markerClaim) {
    requireOneOf(assertion.markerKind, MARKER_KINDS, MarkerKind, `${at}.marker_kind`);
    requireOneOf(assertion.markerStatus, MARKER_STATUSES, MarkerStatus, `${at}.marker_status`);
  } else {
    requireObjectionTopic(assertion.objectionTopic, `${at}.objection_topic`);
    requireOneOf(
      assertion.objectionStatus,
      OBJECTION_STATUSES,
      ObjectionStatus,
      `${at}.objection_status`,
    );
  }
  requireUnitInterval(assertion.confidence, `${at}.confidence`);
  (assertion.segmentIds ?? []).forEach((id, i) => requireId(id, `${at}.segment_ids[${i}]`));
}

function requireObjectionTopic(topic: string | null | undefined, field: string): void {
  if (!topic) throw invalid(field, 'is missing');
  if (topic.length > MAX_OBJECTION_TOPIC_LENGTH || !OBJECTION_TOPIC.test(topic)) {
    throw invalid(
      field,
      `must be lower_snake_case of at most ${MAX_OBJECTION_TOPIC_LENGTH} characters (e.g. "price"), got ${JSON.stringify(topic.slice(0, 80))}`,
    );
  }
}
