// What each mode changes in the campaign policy. The simulator writes one policy file per mode from
// a base policy (usually @warmline/policy's DEFAULT_POLICY) so one running governor can hold all
// of them: each gets its own policy id and campaign id, and the calls of a mode carry that campaign.
import { deepFreeze } from '@warmline/policy';
import type { PolicyOverride, Scenario } from './scenario-schema.js';
import type { SimulationMode } from './vocabulary.js';

/** Fields to set on a campaign policy, in the policy document's own shape. */
export interface PolicyOverrides {
  readonly actions: {
    readonly liveTransfer: NonNullable<PolicyOverride['liveTransfer']>;
    readonly appointment: NonNullable<PolicyOverride['appointment']>;
  };
}

/** The fields that make a policy behave as `mode`, before any scenario override. */
const MODE_OVERRIDES: Readonly<Record<SimulationMode, PolicyOverrides>> = deepFreeze({
  warm: {
    actions: {
      liveTransfer: { enabled: true, transferMode: 'warm' },
      appointment: { enabled: true },
    },
  },
  cold: {
    actions: {
      liveTransfer: { enabled: true, transferMode: 'cold' },
      appointment: { enabled: true },
    },
  },
  'appointment-only': {
    actions: { liveTransfer: { enabled: false }, appointment: { enabled: true } },
  },
});

/**
 * The policy fields to set for `mode`: warm → liveTransfer.enabled true, transferMode "warm";
 * cold → liveTransfer.enabled true, transferMode "cold"; appointment-only → liveTransfer.enabled
 * false. Appointments stay enabled in every mode (they are the fallback). The scenario's
 * `policy.<mode>` fields are laid over these.
 */
export function policyOverridesFor(mode: SimulationMode, scenario?: Scenario): PolicyOverrides {
  const base = MODE_OVERRIDES[mode];
  const extra = scenario?.policy?.[mode];
  return deepFreeze({
    actions: {
      liveTransfer: { ...base.actions.liveTransfer, ...extra?.liveTransfer },
      appointment: { ...base.actions.appointment, ...extra?.appointment },
    },
  });
}

/**
 * The campaign id the calls of `mode` carry: the scenario's campaignId when it runs one mode,
 * "<campaignId>-<mode>" when it compares several (so one governor holds a policy per mode).
 */
export function campaignIdFor(scenario: Scenario, mode: SimulationMode): string {
  return scenario.modes.length === 1 ? scenario.campaignId : `${scenario.campaignId}-${mode}`;
}

/** The minimum a campaign policy document has that this library touches. */
export interface PolicyDocument {
  readonly id: string;
  readonly campaigns: readonly string[];
  readonly team: string;
  readonly actions: object;
}

/**
 * A copy of `base` for `mode`: the mode's overrides applied, the escalation rate limit scaled to
 * the simulation's speed (`timeScale`), `id`, `campaigns` and `team` set to
 * campaignIdFor(scenario, mode) — each mode is its own team, so one mode's rate window and pending
 * transfers never throttle another's. `base` is not changed; the result is plain data to write as
 * the mode's policy file (JSON or YAML).
 */
export function policyDocumentFor<T extends PolicyDocument>(
  base: T,
  scenario: Scenario,
  mode: SimulationMode,
): T {
  const campaignId = campaignIdFor(scenario, mode);
  const merged = mergedInto(structuredClone(base) as unknown, policyOverridesFor(mode, scenario));
  return {
    ...(merged as T),
    ...scaledRate(merged, scenario.timeScale),
    id: campaignId,
    campaigns: [campaignId],
    team: campaignId,
  };
}

// Policies count escalations per real minute; a simulation plays `timeScale` simulated minutes in
// one, so the same campaign's rate limit is `timeScale` times as many escalations per wall minute.
function scaledRate(document: unknown, timeScale: number): { controls?: object } {
  if (!isPlainObject(document) || !isPlainObject(document['controls'])) return {};
  const controls = document['controls'];
  const rate = controls['escalationsPerMinute'];
  if (typeof rate !== 'number') return {};
  return { controls: { ...controls, escalationsPerMinute: Math.ceil(rate * timeScale) } };
}

function mergedInto(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(target) || !isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = key in target ? mergedInto(target[key], value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
