import { v1, type warmline } from '@warmline/contracts';
import { IANAZone } from 'luxon';
import { invalid, requireId, requireLanguageTag, requireOneOf } from './field-rules.js';

const { CallDirection } = v1;
const TERRITORY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const PLATFORM = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const MAX_LEAD_ID_LENGTH = 256;
// Intl (and so luxon) also accepts offsets such as "+05:00"; those are not IANA zone names.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+/-]*$/;

/**
 * Validates the CallStarted that opens an interaction: campaign_id is an id (it selects the
 * policy), buyer_language a BCP 47 tag, time_zone a real IANA zone (scheduling depends on it),
 * direction set; territory, lead_id and platform are optional but well-formed when present.
 * Throws PerceptionEventInvalidError; `at` is the wire path of the message.
 */
export function validateCallStarted(
  call: warmline.v1.ICallStarted,
  at = 'perception_event.call_started',
): void {
  requireId(call.campaignId, `${at}.campaign_id`);
  requireLanguageTag(call.buyerLanguage, `${at}.buyer_language`);
  requireTimeZone(call.timeZone, `${at}.time_zone`);
  requireOneOf(
    call.direction,
    [CallDirection.CALL_DIRECTION_INBOUND, CallDirection.CALL_DIRECTION_OUTBOUND],
    CallDirection,
    `${at}.direction`,
  );
  if (call.territory && !TERRITORY.test(call.territory)) {
    throw invalid(
      `${at}.territory`,
      `must match [A-Za-z0-9][A-Za-z0-9_-]{0,63} (e.g. "US-TX"), got ${JSON.stringify(call.territory.slice(0, 80))}`,
    );
  }
  if (call.leadId && !isPrintable(call.leadId)) {
    throw invalid(
      `${at}.lead_id`,
      `must be at most ${MAX_LEAD_ID_LENGTH} printable characters without surrounding spaces`,
    );
  }
  if (call.platform && !PLATFORM.test(call.platform)) {
    throw invalid(
      `${at}.platform`,
      `must be a lower-case name such as "livekit", got ${JSON.stringify(call.platform.slice(0, 80))}`,
    );
  }
}

function requireTimeZone(zone: string | null | undefined, field: string): void {
  if (!zone) throw invalid(field, 'is missing');
  if (!ZONE_NAME.test(zone) || !IANAZone.isValidZone(zone)) {
    throw invalid(
      field,
      `must be an IANA time zone such as "America/Chicago", got ${JSON.stringify(zone.slice(0, 80))}`,
    );
  }
}

function isPrintable(text: string): boolean {
  return (
    text.length <= MAX_LEAD_ID_LENGTH &&
    text.trim() === text &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f]/.test(text)
  );
}
