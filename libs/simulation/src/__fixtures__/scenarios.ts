// Scenarios for specs: the default with a few fields changed.
import { DEFAULT_SCENARIO } from '../default-scenario.js';
import type { Scenario } from '../scenario-schema.js';
import type { Persona } from '../vocabulary.js';

/** DEFAULT_SCENARIO with `patch` laid over its top level (and buyers / faults merged one level deep). */
export function scenarioWith(patch: {
  readonly [K in keyof Scenario]?: K extends 'buyers' | 'faults'
    ? Partial<Scenario[K]>
    : Scenario[K];
}): Scenario {
  return {
    ...DEFAULT_SCENARIO,
    ...patch,
    buyers: { ...DEFAULT_SCENARIO.buyers, ...patch.buyers },
    faults: { ...DEFAULT_SCENARIO.faults, ...patch.faults },
  } as Scenario;
}

/** No faults at all. */
export const NO_FAULTS: Scenario['faults'] = {
  amdErrorRate: 0,
  asrLagRate: 0,
  asrLagMs: 2_500,
  duplicateRate: 0,
  reorderRate: 0,
  reorderWindow: 3,
  tokenLimitRate: 0,
  promptDriftRate: 0,
};

/** A scenario in which every buyer is `persona`, with no faults. */
export function onlyPersona(
  persona: Persona,
  patch: Parameters<typeof scenarioWith>[0] = {},
): Scenario {
  const mix = {
    ready: 0,
    hedging: 0,
    objecting: 0,
    interrupting: 0,
    voicemail: 0,
    hangUpOnHold: 0,
    [persona]: 1,
  };
  return scenarioWith({ faults: NO_FAULTS, ...patch, buyers: { ...patch.buyers, mix } });
}
