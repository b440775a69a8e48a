// A stand-in for the simulator: turns a scenario's plans into CallOutcomes with simple fixed rules
// and the library's own draws, so report specs can run whole campaigns without a stack.
import type { CallOutcome } from '../call-outcome.js';
import { deskResponse } from '../closer-desk.js';
import { closersOf } from '../closer-pool.js';
import { planCall } from '../plan-call.js';
import { requalificationCost } from '../requalification.js';
import { callRng } from '../rng.js';
import type { Scenario } from '../scenario-schema.js';
import { consentWindowOf } from '../timing-answer.js';

const T0 = Date.UTC(2025, 0, 6, 15, 0, 0);
const FAILURES = {
  decline: 'CLOSER_DECLINED',
  no_answer: 'NO_ANSWER',
  voicemail: 'VOICEMAIL_AT_CLOSER',
} as const;
const FULL_BRIEF = {
  validatedMarkers: [1, 2, 3, 4].map((kind) => ({ kind })),
};

/** Every call of every mode of `scenario`, decided by fixed rules. */
export function fakeCampaign(scenario: Scenario): CallOutcome[] {
  const closers = closersOf(scenario);
  return scenario.modes.flatMap((mode) =>
    Array.from({ length: scenario.calls }, (_, i): CallOutcome => {
      const plan = planCall(scenario, i, callRng(scenario.seed, i, 'plan'), { mode });
      const rng = callRng(scenario.seed, i, `run-${mode}`);
      const startedAt = T0 + i * 1_000;
      const base = {
        interactionId: plan.interactionId,
        callIndex: i,
        mode,
        persona: plan.persona,
        reasons: [] as string[],
        faults: plan.amdError === null ? [] : [plan.amdError],
        decisiveAtMs: null,
        transferCommandAtMs: null,
        appointmentBookedAtMs: null,
        handleTimeMs: plan.timeline.at(-1)!.atMs,
        requalificationMs: 0,
        requalificationNeeded: null,
        consentWindow: null,
        appointment: null,
      };
      if (plan.persona === 'voicemail') return { ...base, outcome: 'voicemail' };
      if (plan.decisiveAtMs === null) {
        return { ...base, outcome: 'held_no_escalation', reasons: ['MARKER_NOT_VALIDATED'] };
      }
      const decisiveAtMs = startedAt + plan.decisiveAtMs / scenario.timeScale;
      const said = plan.timeline.find((e) => e.tags.includes('timing'))!;
      const consentWindow = consentWindowOf(plan, startedAt + said.atMs / scenario.timeScale);
      const waited = {
        ...base,
        decisiveAtMs,
        consentWindow,
        handleTimeMs: plan.decisiveAtMs + 5_000,
      };
      if (mode === 'appointment-only' || plan.patienceMs < 8_000) {
        if (consentWindow === null)
          return { ...waited, outcome: 'abandoned', reasons: ['PATIENCE_EXCEEDED'] };
        const start = consentWindow.startAtMs + (rng.chance(0.9) ? 0 : -3_600_000);
        return {
          ...waited,
          outcome: 'appointment',
          appointmentBookedAtMs: decisiveAtMs + rng.int(200, 3_000),
          appointment: { startAtMs: start, endAtMs: start + 1_800_000 },
        };
      }
      const transferCommandAtMs = decisiveAtMs + rng.int(80, 2_500);
      const closer = closers[i % closers.length]!;
      const desk = deskResponse(closer, rng, mode === 'cold' ? 'cold' : 'warm');
      if (desk.response !== 'accept') {
        return {
          ...waited,
          transferCommandAtMs,
          outcome: 'returned_to_ai',
          reasons: [FAILURES[desk.response]],
        };
      }
      const cost = requalificationCost(mode === 'warm' ? FULL_BRIEF : null, rng);
      return {
        ...waited,
        transferCommandAtMs,
        outcome: cost.dropsOff ? 'dropped_in_requalification' : 'bridged',
        requalificationMs: cost.requalificationMs,
        requalificationNeeded: cost.markersReasked > 0,
      };
    }),
  );
}
