import { v1, type warmline } from '@warmline/contracts';
import { arrivalLagMs, type CaseAssessor } from './assessment.js';
import { interruptionsCutting } from './cut-utterances.js';
import { rememberSegment, segmentRecord, type SegmentRecord } from './perception-context.js';
import { isOverlapping, longestOverlapMs } from './speech-overlap.js';
import { isVoicemailGreeting } from './voicemail-greeting.js';

const { SignalFault, Speaker } = v1;

/**
 * A transcript segment: superseded revisions yield nothing; otherwise partial, low-confidence,
 * lagging, overlapped and cut utterances are flagged, and buyer speech that is a voicemail
 * greeting marks the call as voicemail.
 */
export const assessTranscriptSegment: CaseAssessor = (context, arrival, thresholds) => {
  const segment = arrival.perception.transcriptSegment as warmline.v1.ITranscriptSegment;
  const record = recordOf(segment);
  if (isSuperseded(segmentRecord(context, record.segmentId), record)) return null;

  const faults: warmline.v1.SignalFault[] = [];
  const asrConfidence = segment.asrConfidence ?? 0;
  const lagMs = Math.max(arrivalLagMs(arrival), segment.asrLatencyMs ?? 0);
  if (!record.isFinal) faults.push(SignalFault.SIGNAL_FAULT_PARTIAL_TRANSCRIPT);
  if (asrConfidence < thresholds.minAsrConfidence) {
    faults.push(SignalFault.SIGNAL_FAULT_ASR_LOW_CONFIDENCE);
  }
  if (lagMs > thresholds.maxAsrLatencyMs) faults.push(SignalFault.SIGNAL_FAULT_ASR_LAG);

  const cuts = interruptionsCutting(context, record);
  if (cuts.length > 0) faults.push(SignalFault.SIGNAL_FAULT_INTERRUPTED_UTTERANCE);
  const overlapMs = Math.max(longestOverlapMs(context, record), ...cuts.map((c) => c.overlapMs));
  if (isOverlapping(overlapMs, thresholds.minOverlapMs)) {
    faults.push(SignalFault.SIGNAL_FAULT_OVERLAPPING_SPEECH);
  }

  const greeting =
    record.speaker === Speaker.SPEAKER_BUYER &&
    record.startOffsetMs <= thresholds.voicemailGreetingWindowMs &&
    isVoicemailGreeting(segment.text ?? '', thresholds.voicemailPhrases);
  const remembered = rememberSegment(context, record);
  return {
    context: greeting ? { ...remembered, voicemail: true } : remembered,
    faults,
    evidence: asrConfidence,
    asrConfidence,
    lagMs,
  };
};

function recordOf(segment: warmline.v1.ITranscriptSegment): SegmentRecord {
  return {
    segmentId: segment.segmentId ?? '',
    speaker: segment.speaker ?? Speaker.SPEAKER_UNSPECIFIED,
    revision: segment.revision ?? 0,
    isFinal: segment.isFinal ?? false,
    startOffsetMs: segment.startOffsetMs ?? 0,
    endOffsetMs: segment.endOffsetMs ?? 0,
  };
}

// A lower revision is an older hypothesis; once a final is seen, its own revision is settled too.
function isSuperseded(previous: SegmentRecord | undefined, next: SegmentRecord): boolean {
  if (previous === undefined) return false;
  return (
    next.revision < previous.revision || (next.revision === previous.revision && previous.isFinal)
  );
}
