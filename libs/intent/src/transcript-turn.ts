// A transcript segment. Partials are hypotheses their final supersedes, so they are remembered but
// never evidence. The agent's finals become the question a bare "yes" answers. The buyer's finals go
// through the extractor; what it claims becomes evidence, weighed by the quality gate.
import { v1, type warmline } from '@warmline/contracts';
import { classifyAgentTurn } from './agent-turn.js';
import type { MarkerClaim } from './claims.js';
import { observeCadence } from './cadence.js';
import { parseConsentWindow, type ConsentWindow } from './consent-window.js';
import { asrConfidenceOf, fromVoicemail, transcriptQuality } from './evidence-gate.js';
import { extractClaims } from './extractor.js';
import type { EvidenceDraft } from './intent-draft.js';
import { interruptionCuts } from './interruption-cut.js';
import { applyMarkerEvidence } from './marker-transition.js';
import { openObjectionViews, raiseObjection, resolveObjection } from './objection-ledger.js';
import { phraseSetFor } from './phrase-set-config.js';
import type { PhraseSet } from './phrase-set.js';
import { CONTEXT_LIMITS, type SegmentRecord } from './qualification-context.js';
import { keepNewest, type QualificationStep } from './qualification-step.js';
import { isVoicemailGreeting } from './voicemail-greeting.js';

const { Speaker, SignalFault } = v1;

/** Applies a TranscriptSegment signal. */
export function applyTranscript(step: QualificationStep): void {
  const segment = step.event.signal.perception?.transcriptSegment ?? {};
  const record = rememberSegment(step, segment);
  if (!record.final) return;
  const text = segment.text ?? '';
  const phrases = phraseSetFor(
    segment.language || step.draft.buyerLanguage || step.rules.defaultLanguage,
    step.rules.phraseSets,
  );
  if (
    record.speaker !== Speaker.SPEAKER_AGENT &&
    phrases !== null &&
    isVoicemailGreeting(text, phrases)
  ) {
    step.context.voicemail = true;
    return;
  }
  if (record.voicemail || step.context.voicemail) return;
  if (record.speaker === Speaker.SPEAKER_AGENT) {
    step.context.lastAgentTurn = {
      segmentId: record.segmentId,
      text,
      asks: phrases === null ? [] : [...classifyAgentTurn(text, phrases).markers],
      ordinal: step.context.ordinal,
      endOffsetMs: record.endOffsetMs,
    };
    step.context.awaitingReply = true;
    return;
  }
  if (record.speaker === Speaker.SPEAKER_SYSTEM) return;
  if (record.speaker === Speaker.SPEAKER_BUYER) noteReplyLatency(step, record);
  if (phrases !== null) applyBuyerWords(step, record, text, phrases);
}

function rememberSegment(
  step: QualificationStep,
  segment: warmline.v1.ITranscriptSegment,
): SegmentRecord {
  const { signal } = step.event;
  const faults = signal.faults ?? [];
  const base = {
    segmentId: segment.segmentId ?? '',
    speaker: segment.speaker ?? Speaker.SPEAKER_UNSPECIFIED,
    final: segment.isFinal === true,
    asrConfidence: asrConfidenceOf(signal),
    startOffsetMs: segment.startOffsetMs ?? 0,
    endOffsetMs: segment.endOffsetMs ?? 0,
    voicemail: fromVoicemail(signal),
  };
  const cut =
    signal.quality?.incomplete === true ||
    faults.includes(SignalFault.SIGNAL_FAULT_INTERRUPTED_UTTERANCE) ||
    step.context.interruptions.some((i) =>
      interruptionCuts(i, { ...base, cut: false, validating: false }),
    );
  const record: SegmentRecord = {
    ...base,
    cut,
    validating: base.final && transcriptQuality(step, cut).validating,
  };
  const segments = step.context.segments;
  const known = segments.findIndex((s) => s.segmentId === record.segmentId);
  // A late partial never overwrites the final it belongs to.
  if (known !== -1 && segments[known]?.final && !record.final) return record;
  if (known !== -1) segments.splice(known, 1);
  segments.push(record);
  keepNewest(segments, CONTEXT_LIMITS.segments);
  return record;
}

function noteReplyLatency(step: QualificationStep, record: SegmentRecord): void {
  const agent = step.context.lastAgentTurn;
  if (!step.context.awaitingReply || agent === null) return;
  step.context.awaitingReply = false;
  observeCadence(step, Math.max(0, record.startOffsetMs - agent.endOffsetMs));
}

function applyBuyerWords(
  step: QualificationStep,
  record: SegmentRecord,
  text: string,
  phrases: PhraseSet,
): void {
  const agentText = step.context.lastAgentTurn?.text ?? null;
  const claims = extractClaims(
    text,
    { agentUtterance: agentText, openObjections: openObjectionViews(step) },
    phrases,
  );
  const quality = transcriptQuality(step, record.cut);
  if (!quality.usable) return;
  const evidence: EvidenceDraft = {
    signalId: step.event.signal.signalId ?? '',
    source: v1.EvidenceSource.EVIDENCE_SOURCE_TRANSCRIPT,
    quote: text,
    observedAtMs: step.atMs,
    segmentId: record.segmentId,
    confidence: record.asrConfidence,
  };
  let refused = false;
  for (const claim of claims) {
    if (claim.type === 'marker') {
      refused ||= claim.polarity === 'negate';
      applyMarkerEvidence(step, {
        kind: claim.kind,
        polarity: claim.polarity,
        evidence,
        validating: quality.validating,
        segmentIds: [record.segmentId],
        window: claim.kind === 'timing_consent' ? windowOf(step, claim, text, agentText) : null,
      });
    } else if (claim.status === 'raised') {
      raiseObjection(step, claim.topic, evidence);
    } else if (quality.validating) {
      resolveObjection(step, claim.topic, evidence, claim.resolution ?? '');
    }
  }
  if (record.speaker === Speaker.SPEAKER_BUYER) {
    step.context.resistance.push(refused ? 'negation' : 'turn');
    keepNewest(step.context.resistance, CONTEXT_LIMITS.resistanceTurns);
  }
}

/**
 * The window of an affirmed timing claim: from the buyer's words, else — for a yes to the agent's
 * proposal ("Can I call you back tomorrow at 3?" – "Sure") — from the proposal, whose text then
 * follows the buyer's in `source_text`.
 */
function windowOf(
  step: QualificationStep,
  claim: MarkerClaim,
  buyerText: string,
  agentText: string | null,
): ConsentWindow | null {
  if (claim.polarity !== 'affirm') return null;
  const zone = step.draft.buyerTimeZone || step.rules.defaultTimeZone;
  const own = parseConsentWindow(buyerText, step.atMs, zone);
  if (own !== null || claim.basis !== 'answer' || agentText === null) return own;
  const proposed = parseConsentWindow(agentText, step.atMs, zone);
  return proposed === null
    ? null
    : { ...proposed, sourceText: `${buyerText.trim()} (to: "${agentText.trim()}")` };
}
