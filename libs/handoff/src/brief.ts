// The handoff brief, built from intent state alone — no LLM — so the same state always yields the
// same brief, and nothing in it is anything the buyer did not say or confirm.
import { fromOptionalTimestamp, toTimestamp, v1, type warmline } from '@warmline/contracts';
import { renderBriefText } from './brief-text.js';
import { doNotAskQuestions } from './do-not-ask.js';
import { HandoffInputError } from './errors.js';

const UINT32_MAX = 0xffff_ffff;

/** Options of buildBrief. */
export interface BriefOptions {
  /** Longest quote in the spoken `text`, in characters (longer ones are cut with "…"); default 120. */
  readonly maxQuoteChars?: number;
}

/**
 * The brief for the closer, from intent `state` at `nowMs`:
 * - validated_markers: only markers whose status is VALIDATED, ordered by kind, each with its
 *   evidence quotes oldest first (blank and repeated quotes dropped), confidence and validated_at
 *   (the marker's changed_at);
 * - resolved_objections (by resolution time) with raised quote, resolution and resolution quote;
 *   open_objections (by raise time) with their raised quote, listed for honesty;
 * - consent_window when the state has one; do_not_ask (see doNotAskQuestions);
 * - readiness score, peak score, peak age = now − peak_at (0 when unknown, capped to uint32);
 * - intent_version, buyer_language, campaign_id, and `text`, the whisper (see renderBriefText).
 */
export function buildBrief(
  state: warmline.v1.IIntentState,
  nowMs: number,
  options: BriefOptions = {},
): warmline.v1.IHandoffBrief {
  if (!Number.isFinite(nowMs)) throw new HandoffInputError('nowMs', `must be finite, got ${nowMs}`);
  const maxQuoteChars = options.maxQuoteChars ?? 120;
  if (!Number.isInteger(maxQuoteChars) || maxQuoteChars < 10) {
    throw new HandoffInputError(
      'maxQuoteChars',
      `must be a whole number of at least 10, got ${maxQuoteChars}`,
    );
  }
  const markers = validatedMarkers(state.markers ?? []);
  const objections = state.objections ?? [];
  const resolved = objections
    .filter((o) => o.status === v1.ObjectionStatus.OBJECTION_STATUS_RESOLVED)
    .sort(
      byTime(
        (o) => o.resolvedAt,
        (o) => o.raisedAt,
      ),
    );
  const open = objections
    .filter((o) => o.status !== v1.ObjectionStatus.OBJECTION_STATUS_RESOLVED)
    .sort(
      byTime(
        (o) => o.raisedAt,
        (o) => o.raisedAt,
      ),
    );
  const consentWindow = consentWindowOf(state.consentWindow);
  const brief: warmline.v1.IHandoffBrief = {
    validatedMarkers: markers,
    resolvedObjections: resolved.map(briefObjection),
    openObjections: open.map(briefObjection),
    consentWindow,
    doNotAsk: doNotAskQuestions(
      markers.map((m) => m.kind ?? v1.MarkerKind.MARKER_KIND_UNSPECIFIED),
      resolved.map((o) => o.topic ?? ''),
      consentWindow !== null,
    ),
    readinessScore: state.readiness?.score ?? 0,
    peakScore: state.readiness?.peakScore ?? 0,
    peakAgeMs: peakAgeMs(state.readiness?.peakAt, nowMs),
    intentVersion: state.version ?? 0,
    buyerLanguage: state.buyerLanguage ?? '',
    campaignId: state.campaignId ?? '',
  };
  return { ...brief, text: renderBriefText(brief, { maxQuoteChars }) };
}

function validatedMarkers(
  markers: readonly warmline.v1.IIntentMarker[],
): warmline.v1.IBriefMarker[] {
  return markers
    .filter((m) => m.status === v1.MarkerStatus.MARKER_STATUS_VALIDATED)
    .sort((a, b) => (a.kind ?? 0) - (b.kind ?? 0))
    .map((m) => ({
      kind: m.kind ?? v1.MarkerKind.MARKER_KIND_UNSPECIFIED,
      quotes: quotesOf(m.evidence ?? []),
      confidence: m.confidence ?? 0,
      validatedAt: copyTimestamp(m.changedAt),
    }));
}

// The buyer's words, oldest first; the same sentence said twice is one quote.
function quotesOf(evidence: readonly warmline.v1.IEvidence[]): string[] {
  const ordered = [...evidence].sort(
    byTime(
      (e) => e.observedAt,
      (e) => e.observedAt,
    ),
  );
  const quotes = ordered.map((e) => (e.quote ?? '').trim()).filter((q) => q !== '');
  return [...new Set(quotes)];
}

function briefObjection(objection: warmline.v1.IObjection): warmline.v1.IBriefObjection {
  const resolved = objection.status === v1.ObjectionStatus.OBJECTION_STATUS_RESOLVED;
  return {
    topic: objection.topic ?? '',
    raisedQuote: (objection.raisedEvidence?.quote ?? '').trim(),
    resolution: resolved ? (objection.resolution ?? '').trim() : '',
    resolutionQuote: resolved ? (objection.resolutionEvidence?.quote ?? '').trim() : '',
  };
}

function consentWindowOf(
  window: warmline.v1.IConsentWindow | null | undefined,
): warmline.v1.IConsentWindow | null {
  if (window?.startAt == null || window.endAt == null) return null;
  return {
    startAt: copyTimestamp(window.startAt),
    endAt: copyTimestamp(window.endAt),
    timeZone: window.timeZone ?? '',
    sourceText: window.sourceText ?? '',
  };
}

function peakAgeMs(peakAt: warmline.v1.IReadiness['peakAt'], nowMs: number): number {
  const peakMs = fromOptionalTimestamp(peakAt);
  if (peakMs === undefined) return 0;
  return Math.min(UINT32_MAX, Math.max(0, Math.round(nowMs - peakMs)));
}

// A fresh Timestamp, normalised (seconds as a number even when protobufjs decoded a Long).
function copyTimestamp(
  ts: warmline.v1.IIntentMarker['changedAt'],
): warmline.v1.IIntentMarker['changedAt'] {
  const ms = fromOptionalTimestamp(ts);
  return ms === undefined ? null : toTimestamp(ms);
}

// Orders by the first timestamp, then the second; missing times sort first; ties keep input order.
function byTime<T>(
  first: (item: T) => warmline.v1.IIntentMarker['changedAt'],
  second: (item: T) => warmline.v1.IIntentMarker['changedAt'],
): (a: T, b: T) => number {
  const ms = (ts: warmline.v1.IIntentMarker['changedAt']): number =>
    fromOptionalTimestamp(ts) ?? Number.NEGATIVE_INFINITY;
  return (a, b) => compare(ms(first(a)), ms(first(b))) || compare(ms(second(a)), ms(second(b)));
}

function compare(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
