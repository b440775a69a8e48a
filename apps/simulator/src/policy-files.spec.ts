import { DEFAULT_POLICY, PolicyBook, parsePolicy } from '@warmline/policy';
import { DEFAULT_SCENARIO, campaignIdFor } from '@warmline/simulation';
import { policyFilesFor } from './policy-files.js';

describe('policyFilesFor', () => {
  it('writes one valid policy per mode that one governor can hold together', () => {
    const files = policyFilesFor(DEFAULT_SCENARIO);
    expect(files.map((f) => f.fileName)).toEqual([
      'sim-roofing-warm.policy.yaml',
      'sim-roofing-cold.policy.yaml',
      'sim-roofing-appointment-only.policy.yaml',
    ]);
    const policies = files.map((f) => parsePolicy(f.text, 'yaml', f.fileName));
    const book = new PolicyBook(policies);
    for (const mode of DEFAULT_SCENARIO.modes) {
      expect(book.policyFor(campaignIdFor(DEFAULT_SCENARIO, mode))?.id).toBe(`sim-roofing-${mode}`);
    }
  });

  it('gives each mode its transfer behaviour and keeps the rest of the default policy, the rate scaled to the simulation', () => {
    const [warm, cold, appointmentOnly] = policyFilesFor(DEFAULT_SCENARIO).map((f) =>
      parsePolicy(f.text, 'yaml', f.fileName),
    );
    expect(warm?.actions.liveTransfer).toMatchObject({ enabled: true, transferMode: 'warm' });
    expect(cold?.actions.liveTransfer).toMatchObject({ enabled: true, transferMode: 'cold' });
    expect(appointmentOnly?.actions.liveTransfer.enabled).toBe(false);
    expect(appointmentOnly?.actions.appointment.enabled).toBe(true);
    expect(warm?.signalQuality).toEqual(DEFAULT_POLICY.signalQuality);
    expect(cold?.controls).toEqual({
      ...DEFAULT_POLICY.controls,
      escalationsPerMinute:
        DEFAULT_POLICY.controls.escalationsPerMinute * DEFAULT_SCENARIO.timeScale,
    });
  });

  it('makes every mode its own team, so one mode never rate-limits or loads another', () => {
    const teams = policyFilesFor(DEFAULT_SCENARIO).map(
      (f) => parsePolicy(f.text, 'yaml', f.fileName).team,
    );
    expect(teams).toEqual(['sim-roofing-warm', 'sim-roofing-cold', 'sim-roofing-appointment-only']);
  });

  it("lays the scenario's policy fields over the mode's", () => {
    const scenario = {
      ...DEFAULT_SCENARIO,
      modes: ['warm'] as const,
      policy: { warm: { liveTransfer: { reservationTimeoutMs: 3_000, maxAttempts: 3 } } },
    };
    const [only] = policyFilesFor(scenario);
    expect(only?.campaignId).toBe('sim-roofing');
    const policy = parsePolicy(only?.text ?? '', 'yaml', 'one.yaml');
    expect(policy.campaigns).toEqual(['sim-roofing']);
    expect(policy.actions.liveTransfer).toMatchObject({
      reservationTimeoutMs: 3_000,
      maxAttempts: 3,
      transferMode: 'warm',
    });
  });
});
