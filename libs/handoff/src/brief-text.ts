// The whisper: the brief as a few short lines a closer hears (or reads) in seconds before the buyer
// joins. Deterministic — the same brief always renders the same text — and built only from the
// brief's own fields, in a fixed order: readiness, what the buyer confirmed (in their words), what
// was resolved, what is still open, the agreed time, what not to ask, the buyer's language.
import { fromOptionalTimestamp, v1, type warmline } from '@warmline/contracts';
import { DateTime, IANAZone } from 'luxon';
import { topicWords } from './do-not-ask.js';

const K = v1.MarkerKind;

const MARKER_LABELS = new Map<warmline.v1.MarkerKind, string>([
  [K.MARKER_KIND_SCOPE_CONFIRMED, 'what they want'],
  [K.MARKER_KIND_TIMING_CONSENT, 'timing'],
  [K.MARKER_KIND_NEXT_STEP_ACCEPTED, 'next step'],
  [K.MARKER_KIND_ESCALATION_PERMISSION, 'OK to talk to a specialist'],
]);

/** Renders `brief` as the whisper text (without reading brief.text). */
export function renderBriefText(
  brief: warmline.v1.IHandoffBrief,
  options: { readonly maxQuoteChars: number },
): string {
  const quote = (text: string): string => `"${cut(text, options.maxQuoteChars)}"`;
  const lines = [
    readinessLine(brief),
    listLine(
      'Confirmed',
      (brief.validatedMarkers ?? []).map((m) => markerItem(m, quote)),
    ),
    listLine(
      'Resolved',
      (brief.resolvedObjections ?? []).map((o) =>
        joined(
          `${topicWords(o.topic ?? '')}: ${o.resolution || 'resolved'}`,
          o.resolutionQuote ? quote(o.resolutionQuote) : '',
        ),
      ),
    ),
    listLine(
      'Still open',
      (brief.openObjections ?? []).map((o) =>
        joined(topicWords(o.topic ?? ''), o.raisedQuote ? quote(o.raisedQuote) : ''),
      ),
    ),
    windowLine(brief.consentWindow, quote),
    (brief.doNotAsk ?? []).length > 0 ? `Do not ask: ${(brief.doNotAsk ?? []).join(' ')}` : '',
    brief.buyerLanguage ? `Buyer language: ${brief.buyerLanguage}.` : '',
  ];
  return lines.filter((line) => line !== '').join('\n');
}

function readinessLine(brief: warmline.v1.IHandoffBrief): string {
  const peak = `peak ${percent(brief.peakScore ?? 0)}`;
  const age = (brief.peakAgeMs ?? 0) > 0 ? `, ${duration(brief.peakAgeMs ?? 0)} ago` : '';
  return `Buyer readiness ${percent(brief.readinessScore ?? 0)} (${peak}${age}).`;
}

// The marker's most recent quote: the buyer's latest, usually clearest, confirmation.
function markerItem(marker: warmline.v1.IBriefMarker, quote: (text: string) => string): string {
  const label = MARKER_LABELS.get(marker.kind ?? K.MARKER_KIND_UNSPECIFIED) ?? 'confirmed';
  const latest = (marker.quotes ?? []).at(-1);
  return joined(label, latest ? quote(latest) : '');
}

function windowLine(
  window: warmline.v1.IConsentWindow | null | undefined,
  quote: (text: string) => string,
): string {
  const startMs = fromOptionalTimestamp(window?.startAt);
  const endMs = fromOptionalTimestamp(window?.endAt);
  if (window == null || startMs === undefined || endMs === undefined) return '';
  const zone = window.timeZone && IANAZone.isValidZone(window.timeZone) ? window.timeZone : 'UTC';
  const start = DateTime.fromMillis(startMs, { zone, locale: 'en-GB' });
  const end = DateTime.fromMillis(endMs, { zone, locale: 'en-GB' });
  const endText = start.hasSame(end, 'day')
    ? end.toFormat('HH:mm')
    : end.toFormat('ccc d LLL HH:mm');
  const said = window.sourceText ? ` ${quote(window.sourceText)}` : '';
  return `Agreed time: ${start.toFormat('ccc d LLL HH:mm')} to ${endText} ${zone}${said}.`;
}

function listLine(title: string, items: readonly string[]): string {
  return items.length === 0 ? '' : `${title}: ${items.join('; ')}.`;
}

function joined(label: string, quoted: string): string {
  return quoted === '' ? label : `${label} ${quoted}`;
}

function percent(score: number): string {
  return `${Math.round(Math.min(1, Math.max(0, score)) * 100)}%`;
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return plural(seconds, 'second');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return plural(minutes, 'minute');
  return plural(Math.round(minutes / 60), 'hour');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function cut(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}
