// Rules of a scenario that span fields, checked after the schema: a pool named both by count and by
// list, ranges upside down, weights that add up to nothing, zones luxon does not know.
import { IANAZone } from 'luxon';
import type { ScenarioProblem } from './errors.js';
import type {
  CloserTraits,
  ListedCloser,
  MsRange,
  Scenario,
  WorkingPeriod,
} from './scenario-schema.js';

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const TERRITORY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
// Intl also accepts offsets such as "+05:00"; those are not IANA zone names.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+/-]*$/;

/** Every cross-field problem of a scenario that passed the schema, in document order. */
export function scenarioRuleProblems(scenario: Scenario): ScenarioProblem[] {
  return [
    ...uniqueModes(scenario.modes),
    ...buyerProblems(scenario.buyers),
    ...closerPoolProblems(scenario.closers),
  ];
}

function uniqueModes(modes: Scenario['modes']): ScenarioProblem[] {
  return modes.flatMap((mode, i) =>
    modes.indexOf(mode) === i
      ? []
      : [{ path: `modes[${i}]`, message: `lists ${JSON.stringify(mode)} twice` }],
  );
}

function buyerProblems(buyers: Scenario['buyers']): ScenarioProblem[] {
  return [
    ...someWeight('buyers.mix', buyers.mix),
    ...someWeight('buyers.timing', buyers.timing),
    ...someWeight('buyers.timeZones', buyers.timeZones),
    ...someWeight('buyers.languages', buyers.languages),
    ...someWeight('buyers.territories', buyers.territories),
    ...Object.keys(buyers.timeZones).flatMap((zone) =>
      zoneProblems(`buyers.timeZones.${zone}`, zone),
    ),
    ...Object.keys(buyers.languages).flatMap((tag) => buyerLanguageProblems(tag)),
    ...Object.keys(buyers.territories).flatMap((code) =>
      TERRITORY.test(code)
        ? []
        : [
            {
              path: `buyers.territories.${code}`,
              message: 'must match [A-Za-z0-9][A-Za-z0-9_-]{0,63}',
            },
          ],
    ),
  ];
}

function someWeight(path: string, weights: Readonly<Record<string, number>>): ScenarioProblem[] {
  const total = Object.values(weights).reduce((sum, w) => sum + w, 0);
  return total > 0 ? [] : [{ path, message: 'must give at least one choice a weight above 0' }];
}

// The buyer lines are English: another language would reach an extractor that has no phrases for it.
function buyerLanguageProblems(tag: string): ScenarioProblem[] {
  const path = `buyers.languages.${tag}`;
  if (!isLanguageTag(tag)) return [{ path, message: 'must be a BCP 47 tag such as "en-US"' }];
  if (tag.split('-')[0]?.toLowerCase() !== 'en') {
    return [{ path, message: 'the buyer model speaks English: use "en" or an "en-*" tag' }];
  }
  return [];
}

function closerPoolProblems(pool: Scenario['closers']): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  if ((pool.count === undefined) === (pool.list === undefined)) {
    problems.push({
      path: 'closers',
      message:
        pool.count === undefined
          ? 'must give either count or list'
          : 'must give either count or list, not both',
    });
  }
  problems.push(...traitProblems('closers.defaults', pool.defaults));
  (pool.list ?? []).forEach((closer, i) => {
    const path = `closers.list[${i}]`;
    if (pool.list?.findIndex((other) => other.id === closer.id) !== i) {
      problems.push({
        path: `${path}.id`,
        message: `repeats closer id ${JSON.stringify(closer.id)}`,
      });
    }
    problems.push(...traitProblems(path, closer, pool.defaults));
  });
  return problems;
}

function traitProblems(
  path: string,
  traits: Partial<CloserTraits> | ListedCloser,
  defaults?: CloserTraits,
): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  if (traits.timeZone !== undefined)
    problems.push(...zoneProblems(`${path}.timeZone`, traits.timeZone));
  (traits.languages ?? []).forEach((tag, i) => {
    if (!isLanguageTag(tag)) {
      problems.push({
        path: `${path}.languages[${i}]`,
        message: 'must be a BCP 47 tag such as "en-US"',
      });
    }
  });
  (traits.territories ?? []).forEach((code, i) => {
    if (!TERRITORY.test(code)) {
      problems.push({
        path: `${path}.territories[${i}]`,
        message: 'must match [A-Za-z0-9][A-Za-z0-9_-]{0,63}',
      });
    }
  });
  for (const key of ['answerDelayMs', 'talkTimeMs'] as const) {
    const range: MsRange | undefined = traits[key];
    if (range !== undefined && range.min > range.max) {
      problems.push({
        path: `${path}.${key}`,
        message: `min (${range.min}) must be ≤ max (${range.max})`,
      });
    }
  }
  const hours = traits.workingHours;
  if (Array.isArray(hours)) {
    (hours as readonly WorkingPeriod[]).forEach((period, i) => {
      if (minuteOf(period.end) <= minuteOf(period.start)) {
        problems.push({
          path: `${path}.workingHours[${i}].end`,
          message: `(${period.end}) must be after start (${period.start})`,
        });
      }
    });
  }
  const decline = traits.declineRate ?? defaults?.declineRate ?? 0;
  const noAnswer = traits.noAnswerRate ?? defaults?.noAnswerRate ?? 0;
  const voicemail = traits.voicemailRate ?? defaults?.voicemailRate ?? 0;
  if (decline + noAnswer + voicemail > 1) {
    problems.push({
      path: `${path}.declineRate`,
      message: `declineRate + noAnswerRate + voicemailRate must be ≤ 1, got ${round(decline + noAnswer + voicemail)}`,
    });
  }
  return problems;
}

function zoneProblems(path: string, zone: string): ScenarioProblem[] {
  return ZONE_NAME.test(zone) && IANAZone.isValidZone(zone)
    ? []
    : [
        {
          path,
          message: `must be an IANA time zone such as "America/Chicago", got ${JSON.stringify(zone)}`,
        },
      ];
}

function isLanguageTag(tag: string): boolean {
  if (!LANGUAGE_TAG.test(tag)) return false;
  try {
    Intl.getCanonicalLocales(tag);
    return true;
  } catch {
    return false;
  }
}

/** Minutes after midnight of "HH:MM". */
export function minuteOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
