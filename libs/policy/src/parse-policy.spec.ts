import { readFileSync } from 'node:fs';
import { editedPolicyYaml, type PolicyDraft } from './__fixtures__/policies.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { PolicyInvalidError } from './errors.js';
import { parsePolicy } from './parse-policy.js';

const DEFAULT_YAML = readFileSync(
  new URL('../policies/default.policy.yaml', import.meta.url),
  'utf8',
);
const SOURCE = 'default.policy.yaml';

/** The PolicyInvalidError parsing `text` throws (fails the test when it does not throw). */
function invalid(text: string, format: 'yaml' | 'json' = 'yaml'): PolicyInvalidError {
  try {
    parsePolicy(text, format, SOURCE);
  } catch (error) {
    if (error instanceof PolicyInvalidError) return error;
    throw error;
  }
  throw new Error('the policy was accepted');
}

/** The default policy's YAML with `find` replaced by `replacement` (which must occur once). */
function editedYaml(find: string, replacement: string): string {
  expect(DEFAULT_YAML.split(find)).toHaveLength(2);
  return DEFAULT_YAML.replace(find, replacement);
}

function lineOf(text: string, fragment: string): number {
  return text.slice(0, text.indexOf(fragment)).split('\n').length;
}

describe('parsePolicy: accepting', () => {
  it('reads the same policy from YAML and from JSON', () => {
    expect(parsePolicy(DEFAULT_YAML, 'yaml', SOURCE)).toEqual(DEFAULT_POLICY);
    expect(parsePolicy(JSON.stringify(DEFAULT_POLICY), 'json', 'default.json')).toEqual(
      DEFAULT_POLICY,
    );
  });

  it('returns a frozen policy, so no evaluation can change the rules for the next', () => {
    const policy = parsePolicy(DEFAULT_YAML, 'yaml', SOURCE);

    expect(() => {
      (policy.actions.liveTransfer as { readinessThreshold: number }).readinessThreshold = 0;
    }).toThrow(TypeError);
    expect(Object.isFrozen(policy.actions.liveTransfer.requiredMarkers)).toBe(true);
  });

  it('accepts operating hours and campaign lists', () => {
    const policy = parsePolicy(
      editedPolicyYaml((draft) => {
        draft.campaigns = ['spring-promo', 'solar_q4'];
        draft.controls.operatingHours = {
          timeZone: 'Europe/Berlin',
          days: ['mon', 'sat'],
          start: '08:30',
          end: '24:00',
        };
      }),
      'yaml',
      SOURCE,
    );

    expect(policy.campaigns).toEqual(['spring-promo', 'solar_q4']);
    expect(policy.controls.operatingHours?.end).toBe('24:00');
  });
});

describe('parsePolicy: syntax', () => {
  it('reports broken YAML with its line', () => {
    const error = invalid('id: default\nversion: [1, 2\nteam: x\n');

    expect(error.code).toBe('POLICY_INVALID');
    expect(error.source).toBe(SOURCE);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0].line).toBe(3);
    expect(error.lines[0]).toMatch(/^default\.policy\.yaml: YAML syntax: .+ \(line 3\)$/);
  });

  it('refuses a key given twice (the second would silently win)', () => {
    const text = editedYaml('maxAttempts: 2', 'maxAttempts: 2\n    maxAttempts: 3');

    expect(invalid(text).problems).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/unique/),
        line: lineOf(text, 'maxAttempts: 3'),
      }),
    ]);
  });

  it('reports broken JSON and duplicate JSON keys', () => {
    expect(invalid('{"id": "x",}', 'json').lines[0]).toMatch(
      /^default\.policy\.yaml: JSON syntax: /,
    );
    expect(invalid('{"id": "a", "id": "b"}', 'json').problems[0].message).toMatch(/unique/);
  });

  it('refuses an empty document and a document that is not a mapping', () => {
    expect(invalid('# nothing here\n').lines).toEqual([
      'default.policy.yaml: the policy document is empty',
    ]);
    expect(invalid('- id: x\n').lines).toEqual([
      'default.policy.yaml: the policy must be a mapping of fields, got [{"id":"x"}] (line 1)',
    ]);
  });
});

describe('parsePolicy: fields', () => {
  it('names the field, the bound and the value that broke it', () => {
    const text = editedYaml('readinessThreshold: 0.7', 'readinessThreshold: 1.4');

    expect(invalid(text).lines).toEqual([
      `default.policy.yaml: actions.liveTransfer.readinessThreshold: must be ≤ 1, got 1.4 (line ${lineOf(text, '1.4')})`,
    ]);
  });

  it('reports a wrong type', () => {
    const text = editedYaml('maxAttempts: 2', 'maxAttempts: two');

    expect(invalid(text).problems).toEqual([
      {
        path: 'actions.liveTransfer.maxAttempts',
        message: 'must be a number, got "two"',
        line: lineOf(text, 'maxAttempts: two'),
      },
    ]);
    expect(invalid(editedYaml('maxAttempts: 2', 'maxAttempts: 2.5')).problems[0].message).toBe(
      'must be an integer, got 2.5',
    );
  });

  it('refuses a misspelt key, suggests the right one, and reports the missing one', () => {
    const text = editedYaml('readinessThreshold: 0.5', 'readinessTreshold: 0.5');

    expect(invalid(text).lines).toEqual([
      `default.policy.yaml: actions.appointment.readinessThreshold: is required (line ${lineOf(text, 'appointment:')})`,
      `default.policy.yaml: actions.appointment.readinessTreshold: unknown key (did you mean readinessThreshold?) (line ${lineOf(text, 'readinessTreshold')})`,
    ]);
  });

  it('lists the allowed keys when an unknown key resembles none', () => {
    const error = invalid(editedPolicyYaml((draft) => (draft.controls.surgePricing = true)));

    expect(error.problems[0]).toMatchObject({
      path: 'controls.surgePricing',
      message: expect.stringContaining('unknown key (allowed: escalationsPerMinute, '),
    });
  });

  it('names the allowed values of an enumeration', () => {
    const error = invalid(
      editedPolicyYaml((draft) => {
        draft.actions.liveTransfer.transferMode = 'hot';
        draft.actions.liveTransfer.fallbackRules[1].when = 'busy';
        draft.actions.appointment.requiredMarkers = ['scope_confirmed', 'budget_confirmed'];
      }),
    );

    expect(error.problems.map(({ path, message }) => `${path}: ${message}`)).toEqual([
      'actions.liveTransfer.transferMode: must be one of "warm", "cold", got "hot"',
      'actions.liveTransfer.fallbackRules[1].when: must be one of "closer_declined", "no_answer", "voicemail", "no_closer_available", "attempts_exhausted", "reservation_timeout", "telephony_error", got "busy"',
      'actions.appointment.requiredMarkers[1]: must be one of "scope_confirmed", "timing_consent", "next_step_accepted", "escalation_permission", got "budget_confirmed"',
    ]);
  });

  it('checks ids, campaign ids, lists and the grant lifetime limit', () => {
    const error = invalid(
      editedPolicyYaml((draft) => {
        draft.id = 'my policy';
        draft.version = 0;
        draft.campaigns = ['spring promo', 7];
        draft.actions.appointment.requiredMarkers = [];
        draft.actions.appointment.grantTtlMs = 7_200_000;
        draft.signalQuality.minAsrConfidence = -0.1;
        draft.controls.maxPendingTransfersPerAvailableCloser = 0;
      }),
    );

    expect(error.problems.map(({ path, message }) => `${path}: ${message}`)).toEqual([
      'id: must match [A-Za-z0-9_-]{1,128}, got "my policy"',
      'version: must be ≥ 1, got 0',
      'campaigns[0]: must match [A-Za-z0-9_-]{1,128}, got "spring promo"',
      'campaigns[1]: must be "*" or a campaign id matching [A-Za-z0-9_-]{1,128}, got 7',
      'actions.appointment.requiredMarkers: must list at least 1 entry, got 0',
      'actions.appointment.grantTtlMs: must be ≤ 3600000, got 7200000',
      'signalQuality.minAsrConfidence: must be ≥ 0, got -0.1',
      'controls.maxPendingTransfersPerAvailableCloser: must be > 0, got 0',
    ]);
  });

  it('reports a missing section', () => {
    const error = invalid(
      editedPolicyYaml((draft) => delete (draft as Record<string, unknown>).signalQuality),
    );

    expect(error.problems).toEqual([{ path: 'signalQuality', message: 'is required', line: 1 }]);
  });

  it('says how many problems there are in its message', () => {
    const text = editedPolicyYaml((draft) => {
      draft.version = 'one';
      draft.team = '';
    });
    const error = invalid(text);

    expect(error.message).toBe(
      'policy default.policy.yaml is invalid (2 problems):\n' +
        '  default.policy.yaml: version: must be a number, got "one" (line 2)\n' +
        `  default.policy.yaml: team: must match [A-Za-z0-9_-]{1,128}, got "" (line ${lineOf(text, 'team:')})`,
    );
  });
});

describe('parsePolicy: rules between fields', () => {
  function ruleProblems(edit: (draft: PolicyDraft) => void): string[] {
    return invalid(editedPolicyYaml(edit)).problems.map(
      ({ path, message }) => `${path}: ${message}`,
    );
  }

  it('refuses a live transfer that needs less readiness than an appointment', () => {
    expect(ruleProblems((draft) => (draft.actions.liveTransfer.readinessThreshold = 0.4))).toEqual([
      'actions.liveTransfer.readinessThreshold: must be ≥ actions.appointment.readinessThreshold (0.5), got 0.4: a live transfer needs more than an appointment',
    ]);
  });

  it('ignores the threshold order when the appointment is disabled', () => {
    const text = editedPolicyYaml((draft) => {
      draft.actions.liveTransfer.readinessThreshold = 0.4;
      draft.actions.appointment.enabled = false;
      draft.actions.liveTransfer.fallbackRules = [];
    });

    expect(parsePolicy(text, 'yaml', SOURCE).actions.liveTransfer.readinessThreshold).toBe(0.4);
  });

  it('refuses a live transfer that requires fewer markers than an appointment', () => {
    expect(
      ruleProblems(
        (draft) =>
          (draft.actions.liveTransfer.requiredMarkers = [
            'scope_confirmed',
            'escalation_permission',
          ]),
      ),
    ).toEqual([
      'actions.liveTransfer.requiredMarkers: must include every marker the appointment requires; missing timing_consent, next_step_accepted',
    ]);
  });

  it('requires the buyer permission for a live transfer', () => {
    expect(
      ruleProblems((draft) => {
        draft.actions.liveTransfer.requiredMarkers = [
          'scope_confirmed',
          'timing_consent',
          'next_step_accepted',
        ];
      }),
    ).toEqual([
      'actions.liveTransfer.requiredMarkers: must include escalation_permission: the buyer has to agree to a human',
    ]);
  });

  it('refuses fallback rules that can never run or cannot work', () => {
    expect(
      ruleProblems((draft) => {
        draft.actions.liveTransfer.maxAttempts = 1;
        draft.actions.liveTransfer.fallbackRules = [
          { when: 'no_answer', then: 'return_to_ai' },
          { when: 'no_answer', then: 'book_appointment' },
          { when: 'attempts_exhausted', then: 'next_closer' },
        ];
      }),
    ).toEqual([
      'actions.liveTransfer.fallbackRules[1].when: no_answer is already handled by fallbackRules[0]; only the first matching rule is used',
      'actions.liveTransfer.fallbackRules[2].then: next_closer cannot follow attempts_exhausted: no attempt is left',
      'actions.liveTransfer.fallbackRules[2].then: next_closer needs actions.liveTransfer.maxAttempts ≥ 2, got 1',
    ]);
  });

  it('refuses a book_appointment fallback when appointments are disabled', () => {
    expect(ruleProblems((draft) => (draft.actions.appointment.enabled = false))).toEqual([
      'actions.liveTransfer.fallbackRules[4].then: book_appointment needs actions.appointment.enabled: true',
      'actions.liveTransfer.fallbackRules[5].then: book_appointment needs actions.appointment.enabled: true',
    ]);
  });

  it('refuses a policy that can authorise nothing', () => {
    expect(
      ruleProblems((draft) => {
        draft.actions.liveTransfer.enabled = false;
        draft.actions.appointment.enabled = false;
        draft.actions.liveTransfer.fallbackRules = [];
      }),
    ).toEqual(['actions: at least one of liveTransfer and appointment must be enabled']);
  });

  it('refuses a grant that expires before one reservation could time out', () => {
    expect(ruleProblems((draft) => (draft.actions.liveTransfer.grantTtlMs = 15_000))).toEqual([
      'actions.liveTransfer.reservationTimeoutMs: must be < actions.liveTransfer.grantTtlMs (15000), got 15000: the grant would expire before one reservation times out',
    ]);
  });

  it('refuses repeated entries and a wildcard beside named campaigns', () => {
    expect(
      ruleProblems((draft) => {
        draft.campaigns = ['*', 'spring'];
        draft.actions.appointment.requiredMarkers.push('scope_confirmed');
        draft.signalQuality.holdOnFaults.push('asr_lag');
      }),
    ).toEqual([
      'actions.appointment.requiredMarkers: lists scope_confirmed more than once',
      'signalQuality.holdOnFaults: lists asr_lag more than once',
      'campaigns: "*" already covers every campaign; list it alone',
    ]);
  });

  it('checks operating hours', () => {
    expect(
      ruleProblems((draft) => {
        draft.controls.operatingHours = {
          timeZone: 'Mars/Olympus',
          days: ['mon'],
          start: '18:00',
          end: '09:00',
        };
      }),
    ).toEqual([
      'controls.operatingHours.timeZone: must be an IANA time zone like "America/New_York", got "Mars/Olympus"',
      'controls.operatingHours.end: must be after start (18:00), got 09:00',
    ]);
    expect(
      ruleProblems((draft) => {
        draft.controls.operatingHours = { timeZone: 'UTC', days: [], start: '9am', end: '17:00' };
      }),
    ).toEqual([
      'controls.operatingHours.days: must list at least 1 entry, got 0',
      'controls.operatingHours.start: must be a time like "09:00" (24 h), got "9am"',
    ]);
  });

  it('reports every broken rule at once', () => {
    const problems = ruleProblems((draft) => {
      draft.actions.liveTransfer.readinessThreshold = 0.3;
      draft.actions.liveTransfer.grantTtlMs = 1_000;
      draft.campaigns = ['*', '*'];
    });

    expect(problems).toHaveLength(4);
  });
});
