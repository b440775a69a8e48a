// Validation of a CloserPresence report. A bad report is refused whole, naming the first bad field,
// so the gateway's caller can fix it; a half-applied report would route to a closer who cannot work.
import { fromTimestamp, isValidId, type warmline } from '@warmline/contracts';
import { IANAZone } from 'luxon';
import { presenceStatusOf, type Closer, type WorkingHours } from './closer.js';
import { CloserPresenceInvalidError } from './errors.js';

type Fail = (field: string, message: string) => never;

const MINUTES_PER_DAY = 1440;
const SKILL_PATTERN = /^[a-z][a-z0-9_]*$/;
// BCP 47 in the shape routing needs: a 2-8 letter primary subtag, then hyphenated subtags.
const LANGUAGE_PATTERN = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/**
 * Validates a presence report and returns the Closer it describes. Throws
 * CloserPresenceInvalidError naming the field: closerId (id rule), presence (set), capacity (>= 1),
 * timeZone (IANA, via luxon), workingHours[i] (weekday 1..7, 0 <= start < end <= 1440),
 * reportedAt (set), skills (lower_snake_case), languages (BCP 47), territories (non-blank).
 */
export function closerFromPresence(presence: warmline.v1.ICloserPresence): Closer {
  const closerId = presence.closerId ?? '';
  // Explicitly typed so that calls narrow like a throw.
  const fail: Fail = (field, message) => {
    throw new CloserPresenceInvalidError(closerId, field, message);
  };
  if (!isValidId(closerId)) fail('closerId', 'must match [A-Za-z0-9_-]{1,128}');
  const status = presenceStatusOf(presence.presence);
  if (status === null)
    fail(
      'presence',
      `must be AVAILABLE, BUSY, AWAY or OFFLINE, got ${presence.presence ?? 'unset'}`,
    );
  const capacity = presence.capacity ?? 0;
  if (!Number.isInteger(capacity) || capacity < 1)
    fail('capacity', `must be at least 1, got ${capacity}`);
  const timeZone = presence.timeZone ?? '';
  if (!IANAZone.isValidZone(timeZone))
    fail('timeZone', `${JSON.stringify(timeZone)} is not an IANA time zone`);
  if (presence.reportedAt == null) fail('reportedAt', 'must be set (it orders reports)');
  const skills = checkEach(
    presence.skills,
    'skills',
    (s) => SKILL_PATTERN.test(s),
    'must be lower_snake_case',
    fail,
  );
  const languages = checkEach(
    presence.languages,
    'languages',
    (s) => LANGUAGE_PATTERN.test(s),
    'must be a BCP 47 tag',
    fail,
  );
  const territories = checkEach(
    presence.territories,
    'territories',
    (s) => s.trim() === s && s !== '',
    'must be a non-blank code',
    fail,
  );
  const workingHours = (presence.workingHours ?? []).map((h, i) =>
    checkHours(h, `workingHours[${i}]`, fail),
  );
  return {
    closerId,
    presence: status,
    skills,
    languages,
    territories,
    timeZone,
    capacity,
    workingHours,
    reportedAtMs: fromTimestamp(presence.reportedAt),
    displayName: presence.displayName ?? '',
    address: presence.address ?? '',
  };
}

function checkEach(
  values: readonly string[] | null | undefined,
  field: string,
  valid: (value: string) => boolean,
  rule: string,
  fail: Fail,
): string[] {
  const list = [...(values ?? [])];
  list.forEach((value, i) => {
    if (!valid(value)) fail(`${field}[${i}]`, `${rule}, got ${JSON.stringify(value)}`);
  });
  return list;
}

function checkHours(hours: warmline.v1.IWorkingHours, field: string, fail: Fail): WorkingHours {
  const weekday = hours.weekday ?? 0;
  const startMinute = hours.startMinute ?? 0;
  const endMinute = hours.endMinute ?? 0;
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
    fail(`${field}.weekday`, `must be 1..7, got ${weekday}`);
  }
  if (!Number.isInteger(startMinute) || startMinute < 0 || startMinute >= MINUTES_PER_DAY) {
    fail(`${field}.startMinute`, `must be 0..1439, got ${startMinute}`);
  }
  if (!Number.isInteger(endMinute) || endMinute <= startMinute || endMinute > MINUTES_PER_DAY) {
    fail(
      `${field}.endMinute`,
      `must be greater than startMinute (${startMinute}) and at most 1440, got ${endMinute}`,
    );
  }
  return { weekday, startMinute, endMinute };
}
