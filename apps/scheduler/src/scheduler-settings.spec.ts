import { generateSigningKey } from '@warmline/authority';
import {
  DEFAULT_BUFFER_MS,
  DEFAULT_MAX_ALTERNATIVES,
  DEFAULT_MIN_LEAD_TIME_MS,
} from '@warmline/scheduling';
import {
  DEFAULT_APPOINTMENT_DURATION_MS,
  DEFAULT_CALENDAR_RETENTION_MS,
  readSchedulerSettings,
} from './scheduler-settings.js';

const key = generateSigningKey().publicKey;
const otherKey = generateSigningKey().publicKey;

describe('readSchedulerSettings', () => {
  it('uses the documented defaults once the trusted keys are given', () => {
    const settings = readSchedulerSettings({ WARMLINE_GRANT_TRUSTED_KEYS: key });
    expect(settings).toMatchObject({
      trustedIssuerKeys: [key],
      appointmentDurationMs: DEFAULT_APPOINTMENT_DURATION_MS,
      calendarRetentionMs: DEFAULT_CALENDAR_RETENTION_MS,
      inviteSummary: 'Appointment',
      organizer: null,
    });
    expect(DEFAULT_APPOINTMENT_DURATION_MS).toBe(30 * 60_000);
    expect(settings.scheduling).toMatchObject({
      bufferMs: DEFAULT_BUFFER_MS,
      minLeadTimeMs: DEFAULT_MIN_LEAD_TIME_MS,
      maxAlternatives: DEFAULT_MAX_ALTERNATIVES,
    });
  });

  it('takes overrides from the environment', () => {
    const settings = readSchedulerSettings({
      WARMLINE_GRANT_TRUSTED_KEYS: `${key}, ${otherKey}`,
      WARMLINE_APPOINTMENT_DURATION_MS: '2700000',
      WARMLINE_APPOINTMENT_BUFFER_MS: '0',
      WARMLINE_SLOT_GRANULARITY_MS: '1800000',
      WARMLINE_MAX_ALTERNATIVES: '5',
      WARMLINE_CALENDAR_RETENTION_MS: '86400000',
      WARMLINE_INVITE_SUMMARY: 'Solar consultation',
      WARMLINE_INVITE_ORGANIZER_EMAIL: 'scheduling@acme.example',
      WARMLINE_INVITE_ORGANIZER_NAME: 'Acme Scheduling',
    });
    expect(settings.trustedIssuerKeys).toEqual([key, otherKey]);
    expect(settings.appointmentDurationMs).toBe(45 * 60_000);
    expect(settings.scheduling).toMatchObject({
      bufferMs: 0,
      granularityMs: 30 * 60_000,
      maxAlternatives: 5,
    });
    expect(settings.calendarRetentionMs).toBe(86_400_000);
    expect(settings.inviteSummary).toBe('Solar consultation');
    expect(settings.organizer).toEqual({
      email: 'scheduling@acme.example',
      name: 'Acme Scheduling',
    });
  });

  it.each([
    [{}, /WARMLINE_GRANT_TRUSTED_KEYS: .*lists no issuer keys/],
    [
      { WARMLINE_GRANT_TRUSTED_KEYS: 'not-a-key' },
      /WARMLINE_GRANT_TRUSTED_KEYS: .*not a valid nkey/,
    ],
    [
      { WARMLINE_GRANT_TRUSTED_KEYS: key, WARMLINE_APPOINTMENT_DURATION_MS: '0' },
      /WARMLINE_APPOINTMENT_DURATION_MS: must be a positive/,
    ],
    [
      { WARMLINE_GRANT_TRUSTED_KEYS: key, WARMLINE_APPOINTMENT_BUFFER_MS: '-5' },
      /WARMLINE_APPOINTMENT_BUFFER_MS: must be a whole number/,
    ],
    [
      { WARMLINE_GRANT_TRUSTED_KEYS: key, WARMLINE_SLOT_GRANULARITY_MS: '90000' },
      /WARMLINE_SLOT_GRANULARITY_MS: .*whole number of minutes/,
    ],
    [
      { WARMLINE_GRANT_TRUSTED_KEYS: key, WARMLINE_CALENDAR_RETENTION_MS: '60000' },
      /WARMLINE_CALENDAR_RETENTION_MS: must be at least the longest grant lifetime/,
    ],
    [
      { WARMLINE_GRANT_TRUSTED_KEYS: key, WARMLINE_INVITE_ORGANIZER_EMAIL: 'scheduling desk' },
      /WARMLINE_INVITE_ORGANIZER_EMAIL: must be an e-mail address/,
    ],
    [
      { WARMLINE_GRANT_TRUSTED_KEYS: key, WARMLINE_INVITE_ORGANIZER_NAME: 'Acme' },
      /WARMLINE_INVITE_ORGANIZER_EMAIL: is required/,
    ],
  ])('names the bad variable: %j', (env, message) => {
    expect(() => readSchedulerSettings(env)).toThrow(message);
  });
});
