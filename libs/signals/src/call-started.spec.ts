import type { warmline } from '@warmline/contracts';
import { callStarted } from './__fixtures__/events.js';
import { validateCallStarted } from './call-started.js';
import { PerceptionEventInvalidError } from './errors.js';

function started(fields: warmline.v1.ICallStarted): warmline.v1.ICallStarted {
  return callStarted(fields).callStarted as warmline.v1.ICallStarted;
}

function refusedField(fields: warmline.v1.ICallStarted): string {
  try {
    validateCallStarted(started(fields));
  } catch (err) {
    if (err instanceof PerceptionEventInvalidError) return err.field;
    throw err;
  }
  throw new Error('expected the CallStarted to be refused');
}

describe('validateCallStarted', () => {
  it.each(['America/Chicago', 'Europe/Paris', 'UTC', 'Etc/GMT+5', 'Asia/Kolkata'])(
    'accepts the IANA zone %s',
    (timeZone) => {
      expect(() => validateCallStarted(started({ timeZone }))).not.toThrow();
    },
  );

  it.each(['', 'Central Time', 'America/Springfield', '+05:00', 'GMT+5:30'])(
    'refuses the time zone %p',
    (timeZone) => {
      expect(refusedField({ timeZone })).toBe('perception_event.call_started.time_zone');
    },
  );

  it.each(['en-US', 'es-419', 'zh-Hant-TW', 'fr', 'en-US-u-ca-gregory'])(
    'accepts the language tag %s',
    (buyerLanguage) => {
      expect(() => validateCallStarted(started({ buyerLanguage }))).not.toThrow();
    },
  );

  it.each(['', 'en_US', 'English', 'e', 'en-', '12-US'])(
    'refuses the language tag %p',
    (buyerLanguage) => {
      expect(refusedField({ buyerLanguage })).toBe('perception_event.call_started.buyer_language');
    },
  );

  it('requires a campaign id (it selects the policy)', () => {
    expect(refusedField({ campaignId: '' })).toBe('perception_event.call_started.campaign_id');
    expect(refusedField({ campaignId: 'spring solar' })).toBe(
      'perception_event.call_started.campaign_id',
    );
  });

  it('requires the call direction', () => {
    expect(refusedField({ direction: 0 })).toBe('perception_event.call_started.direction');
  });

  it('accepts a call without the optional territory, lead and platform', () => {
    expect(() =>
      validateCallStarted(started({ territory: '', leadId: '', platform: '' })),
    ).not.toThrow();
  });

  it('refuses malformed optional fields', () => {
    expect(refusedField({ territory: 'US/TX' })).toBe('perception_event.call_started.territory');
    expect(refusedField({ leadId: ' lead-42' })).toBe('perception_event.call_started.lead_id');
    expect(refusedField({ leadId: 'x'.repeat(257) })).toBe('perception_event.call_started.lead_id');
    expect(refusedField({ platform: 'LiveKit' })).toBe('perception_event.call_started.platform');
  });

  it('names the path it is given', () => {
    expect(() => validateCallStarted(started({ timeZone: 'Nowhere' }), 'call')).toThrow(
      expect.objectContaining({ field: 'call.time_zone' }),
    );
  });
});
