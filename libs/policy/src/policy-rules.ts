// Rules a policy must follow beyond its shape: the relations between fields that would otherwise
// make the governor escalate more easily to a human than to a calendar, or name a fallback that can
// never run. Each rule returns the problems it finds; all of them are reported together.
import { IANAZone } from 'luxon';
import type { PolicyProblem } from './errors.js';
import type { CampaignPolicy } from './policy-schema.js';

type Rule = (policy: CampaignPolicy) => PolicyProblem[];

const LIVE = 'actions.liveTransfer';
const APPOINTMENT = 'actions.appointment';

/** Every cross-field problem of a structurally valid policy; empty when it is usable. */
export function policyRuleProblems(policy: CampaignPolicy): PolicyProblem[] {
  return RULES.flatMap((rule) => rule(policy));
}

const someActionEnabled: Rule = ({ actions }) =>
  actions.liveTransfer.enabled || actions.appointment.enabled
    ? []
    : [
        {
          path: 'actions',
          message: 'at least one of liveTransfer and appointment must be enabled',
        },
      ];

const liveTransferNeedsMore: Rule = ({ actions: { liveTransfer, appointment } }) => {
  if (!liveTransfer.enabled || !appointment.enabled) return [];
  const problems: PolicyProblem[] = [];
  if (liveTransfer.readinessThreshold < appointment.readinessThreshold) {
    problems.push({
      path: `${LIVE}.readinessThreshold`,
      message: `must be ≥ ${APPOINTMENT}.readinessThreshold (${appointment.readinessThreshold}), got ${liveTransfer.readinessThreshold}: a live transfer needs more than an appointment`,
    });
  }
  const missing = appointment.requiredMarkers.filter(
    (marker) => !liveTransfer.requiredMarkers.includes(marker),
  );
  if (missing.length > 0) {
    problems.push({
      path: `${LIVE}.requiredMarkers`,
      message: `must include every marker the appointment requires; missing ${missing.join(', ')}`,
    });
  }
  return problems;
};

// A live transfer hands the buyer to a human: the buyer must have allowed exactly that.
const liveTransferNeedsPermission: Rule = ({ actions: { liveTransfer } }) =>
  !liveTransfer.enabled || liveTransfer.requiredMarkers.includes('escalation_permission')
    ? []
    : [
        {
          path: `${LIVE}.requiredMarkers`,
          message: 'must include escalation_permission: the buyer has to agree to a human',
        },
      ];

const noDuplicates: Rule = (policy) => [
  ...duplicatesIn(`${LIVE}.requiredMarkers`, policy.actions.liveTransfer.requiredMarkers),
  ...duplicatesIn(`${APPOINTMENT}.requiredMarkers`, policy.actions.appointment.requiredMarkers),
  ...duplicatesIn('signalQuality.holdOnFaults', policy.signalQuality.holdOnFaults),
  ...duplicatesIn('campaigns', policy.campaigns),
  ...duplicatesIn('controls.operatingHours.days', policy.controls.operatingHours?.days ?? []),
];

const wildcardAlone: Rule = ({ campaigns }) =>
  campaigns.includes('*') && campaigns.length > 1
    ? [{ path: 'campaigns', message: '"*" already covers every campaign; list it alone' }]
    : [];

const fallbackRulesReachable: Rule = ({ actions: { liveTransfer } }) => {
  const problems: PolicyProblem[] = [];
  const firstIndex = new Map<string, number>();
  liveTransfer.fallbackRules.forEach((rule, index) => {
    const path = `${LIVE}.fallbackRules[${index}]`;
    const earlier = firstIndex.get(rule.when);
    if (earlier === undefined) firstIndex.set(rule.when, index);
    else {
      problems.push({
        path: `${path}.when`,
        message: `${rule.when} is already handled by fallbackRules[${earlier}]; only the first matching rule is used`,
      });
    }
    if (rule.when === 'attempts_exhausted' && rule.then === 'next_closer') {
      problems.push({
        path: `${path}.then`,
        message: 'next_closer cannot follow attempts_exhausted: no attempt is left',
      });
    }
  });
  return problems;
};

const fallbackActionsPossible: Rule = ({ actions: { liveTransfer, appointment } }) =>
  liveTransfer.fallbackRules.flatMap((rule, index) => {
    const path = `${LIVE}.fallbackRules[${index}].then`;
    if (rule.then === 'book_appointment' && !appointment.enabled) {
      return [{ path, message: 'book_appointment needs actions.appointment.enabled: true' }];
    }
    if (rule.then === 'next_closer' && liveTransfer.maxAttempts < 2) {
      return [{ path, message: `next_closer needs ${LIVE}.maxAttempts ≥ 2, got 1` }];
    }
    return [];
  });

const reservationFitsGrant: Rule = ({ actions: { liveTransfer } }) =>
  liveTransfer.reservationTimeoutMs < liveTransfer.grantTtlMs
    ? []
    : [
        {
          path: `${LIVE}.reservationTimeoutMs`,
          message: `must be < ${LIVE}.grantTtlMs (${liveTransfer.grantTtlMs}), got ${liveTransfer.reservationTimeoutMs}: the grant would expire before one reservation times out`,
        },
      ];

const operatingHoursSensible: Rule = ({ controls: { operatingHours } }) => {
  if (!operatingHours) return [];
  const path = 'controls.operatingHours';
  const problems: PolicyProblem[] = [];
  if (!IANAZone.isValidZone(operatingHours.timeZone)) {
    problems.push({
      path: `${path}.timeZone`,
      message: `must be an IANA time zone like "America/New_York", got "${operatingHours.timeZone}"`,
    });
  }
  if (operatingHours.end <= operatingHours.start) {
    problems.push({
      path: `${path}.end`,
      message: `must be after start (${operatingHours.start}), got ${operatingHours.end}`,
    });
  }
  return problems;
};

const RULES: readonly Rule[] = [
  someActionEnabled,
  liveTransferNeedsMore,
  liveTransferNeedsPermission,
  noDuplicates,
  wildcardAlone,
  fallbackRulesReachable,
  fallbackActionsPossible,
  reservationFitsGrant,
  operatingHoursSensible,
];

function duplicatesIn(path: string, values: readonly string[]): PolicyProblem[] {
  const repeated = values.filter((value, index) => values.indexOf(value) !== index);
  return [...new Set(repeated)].map((value) => ({
    path,
    message: `lists ${value} more than once`,
  }));
}
