import { DEFAULT_POLICY, PolicyBook, parsePolicy } from '@warmline/policy';
import { stringify } from 'yaml';
import { scenarioWith } from './__fixtures__/scenarios.js';
import { DEFAULT_SCENARIO } from './default-scenario.js';
import { campaignIdFor, policyDocumentFor, policyOverridesFor } from './policy-overrides.js';
import { SIMULATION_MODES } from './vocabulary.js';

describe('policy per mode', () => {
  it('sets what makes each mode what it is', () => {
    expect(policyOverridesFor('warm').actions.liveTransfer).toEqual({
      enabled: true,
      transferMode: 'warm',
    });
    expect(policyOverridesFor('cold').actions.liveTransfer).toEqual({
      enabled: true,
      transferMode: 'cold',
    });
    expect(policyOverridesFor('appointment-only').actions.liveTransfer).toEqual({ enabled: false });
    for (const mode of SIMULATION_MODES)
      expect(policyOverridesFor(mode).actions.appointment.enabled).toBe(true);
  });

  it("lays the scenario's own overrides for a mode over the mode's", () => {
    const scenario = scenarioWith({
      policy: {
        cold: { liveTransfer: { maxAttempts: 3 }, appointment: { requireConsentWindow: false } },
      },
    });
    expect(policyOverridesFor('cold', scenario).actions).toEqual({
      liveTransfer: { enabled: true, transferMode: 'cold', maxAttempts: 3 },
      appointment: { enabled: true, requireConsentWindow: false },
    });
    expect(policyOverridesFor('warm', scenario)).toEqual(policyOverridesFor('warm'));
  });

  it('gives each compared mode its own campaign, and a single mode the scenario campaign', () => {
    expect(campaignIdFor(DEFAULT_SCENARIO, 'cold')).toBe('sim-roofing-cold');
    expect(campaignIdFor(scenarioWith({ modes: ['cold'] }), 'cold')).toBe('sim-roofing');
  });

  it('writes policy files the governor accepts, one per mode, without touching the base', () => {
    const before = structuredClone(DEFAULT_POLICY);
    const policies = SIMULATION_MODES.map((mode) =>
      parsePolicy(
        stringify(policyDocumentFor(DEFAULT_POLICY, DEFAULT_SCENARIO, mode)),
        'yaml',
        `${mode}.policy.yaml`,
      ),
    );
    expect(DEFAULT_POLICY).toEqual(before);
    const book = new PolicyBook(policies);
    expect(book.policyFor('sim-roofing-warm')?.actions.liveTransfer.transferMode).toBe('warm');
    expect(book.policyFor('sim-roofing-cold')?.actions.liveTransfer.transferMode).toBe('cold');
    expect(book.policyFor('sim-roofing-appointment-only')?.actions.liveTransfer.enabled).toBe(
      false,
    );
    // Everything the mode does not decide is the base policy's.
    expect(book.policyFor('sim-roofing-cold')?.signalQuality).toEqual(DEFAULT_POLICY.signalQuality);
    expect(book.policyFor('sim-roofing-cold')?.actions.liveTransfer.fallbackRules).toEqual(
      DEFAULT_POLICY.actions.liveTransfer.fallbackRules,
    );
  });
});

describe('the rate limit at simulation speed', () => {
  it('allows timeScale times as many escalations per wall-clock minute', () => {
    const base = {
      id: 'default',
      campaigns: ['*'],
      team: 'default',
      actions: {},
      controls: { escalationsPerMinute: 30, decisionTimeoutMs: 5_000 },
    };
    const scenario = { ...DEFAULT_SCENARIO, timeScale: 12 };
    const warm = policyDocumentFor(base, scenario, 'warm') as typeof base;
    expect(warm.controls).toEqual({ escalationsPerMinute: 360, decisionTimeoutMs: 5_000 });
    expect(warm.team).toBe(warm.id);
    expect(base.controls.escalationsPerMinute).toBe(30);
  });
});
