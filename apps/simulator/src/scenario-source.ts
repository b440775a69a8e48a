// Where a campaign's scenario comes from: a file (YAML or JSON by its extension) or the shipped
// default, with the command line's overrides laid over it. Campaign ids are not overridable: the
// policy files the governor loaded were written from the scenario's own modes (policyFilesFor).
import { extname } from 'node:path';
import {
  DEFAULT_SCENARIO,
  parseScenario,
  type Scenario,
  type SimulationMode,
} from '@warmline/simulation';
import { CampaignInvalidError } from './errors.js';

/** Reads a file's text; injected so the rules can be tested without files. */
export type ReadText = (path: string) => string;

/** What the command line may change in a scenario. */
export interface ScenarioOverrides {
  readonly calls?: number | null;
  readonly concurrency?: number | null;
  readonly ratePerSecond?: number | null;
  readonly seed?: number | null;
}

/**
 * The scenario at `path` (null: DEFAULT_SCENARIO). Throws ScenarioInvalidError listing every
 * problem, or CampaignInvalidError for an unreadable file or an unknown extension.
 */
export function loadScenario(path: string | null, readText: ReadText): Scenario {
  if (path === null) return DEFAULT_SCENARIO;
  const extension = extname(path).toLowerCase();
  const format =
    extension === '.json' ? 'json' : extension === '.yaml' || extension === '.yml' ? 'yaml' : null;
  if (format === null) {
    throw new CampaignInvalidError('--scenario', `${path} must end in .yaml, .yml or .json`);
  }
  let text: string;
  try {
    text = readText(path);
  } catch (err) {
    throw new CampaignInvalidError(
      '--scenario',
      `cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return parseScenario(text, format, path);
}

/** `scenario` with the overrides that are set; the same object when none is. */
export function withOverrides(scenario: Scenario, overrides: ScenarioOverrides): Scenario {
  const changes: Partial<{ -readonly [K in keyof Scenario]: Scenario[K] }> = {};
  if (overrides.calls != null) changes.calls = overrides.calls;
  if (overrides.concurrency != null) changes.concurrency = overrides.concurrency;
  if (overrides.ratePerSecond != null) changes.arrivalRatePerSecond = overrides.ratePerSecond;
  if (overrides.seed != null) changes.seed = overrides.seed;
  if (Object.keys(changes).length === 0) return scenario;
  // Nested parts are shared with the (deep-frozen) original, so freezing the top is enough.
  return Object.freeze({ ...scenario, ...changes });
}

/**
 * The modes to run: `requested` in the scenario's order, or all of the scenario's. A mode the
 * scenario does not list is refused: the governor has no policy for its campaign.
 */
export function modesToRun(
  scenario: Scenario,
  requested: readonly SimulationMode[] | null,
): SimulationMode[] {
  if (requested === null) return [...scenario.modes];
  const missing = requested.filter((mode) => !scenario.modes.includes(mode));
  if (missing.length > 0) {
    throw new CampaignInvalidError(
      '--modes',
      `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not among the scenario's modes ` +
        `(${scenario.modes.join(', ')}): the governor has no policy for ${missing.length === 1 ? 'its campaign' : 'their campaigns'}; add ${missing.length === 1 ? 'it' : 'them'} to the scenario's modes and restart the stack with its policy files`,
    );
  }
  return scenario.modes.filter((mode) => requested.includes(mode));
}
