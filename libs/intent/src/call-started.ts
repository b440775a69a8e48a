// CallStarted names the campaign, the buyer's language and time zone, and the territory. A field it
// leaves empty keeps what the state already had (a CallStarted replayed late must not erase it).
import { IANAZone } from 'luxon';
import { SignalInvalidError } from './errors.js';
import type { QualificationStep } from './qualification-step.js';

/** Applies a CallStarted signal; throws SignalInvalidError for a time zone that is not IANA. */
export function applyCallStarted(step: QualificationStep): void {
  const started = step.event.signal.perception?.callStarted ?? {};
  const zone = (started.timeZone ?? '').trim();
  if (zone !== '' && !IANAZone.isValidZone(zone)) {
    throw new SignalInvalidError(
      'signal.perception.call_started.time_zone',
      `call_started.time_zone "${zone}" is not an IANA time zone`,
    );
  }
  const { draft } = step;
  draft.campaignId = started.campaignId || draft.campaignId;
  draft.buyerLanguage = started.buyerLanguage || draft.buyerLanguage;
  draft.buyerTimeZone = zone || draft.buyerTimeZone;
  draft.territory = started.territory || draft.territory;
}
