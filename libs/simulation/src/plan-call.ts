// planCall: draws one buyer from the scenario and scripts their call. The same seed, index and rng
// stream give the same buyer and the same words in every mode; only the ids and campaign differ.
import { v1 } from '@warmline/contracts';
import { patienceMs } from './buyer-patience.js';
import { AGENT_HOLD_FILLERS } from './buyer-lines.js';
import type { AmdError, CallPlan, PlannedEvent } from './call-plan.js';
import { CallScript } from './call-script.js';
import { SimulationInputError } from './errors.js';
import { PERSONA_TRAITS } from './persona-traits.js';
import { conversation, voicemailCall, type Story } from './persona-scripts.js';
import { campaignIdFor } from './policy-overrides.js';
import type { Rng } from './rng.js';
import type { Scenario } from './scenario-schema.js';
import type { Persona, SimulationMode } from './vocabulary.js';

const RUN_ID = /^[A-Za-z0-9_-]{1,48}$/;
const MODE_CODES: Readonly<Record<SimulationMode, string>> = {
  warm: 'w',
  cold: 'c',
  'appointment-only': 'a',
};
const PLATFORM = 'simulator';

/** Which run a plan belongs to; both are optional. */
export interface PlanOptions {
  /** The mode the call is played in (default: the scenario's first mode): sets campaign and ids. */
  readonly mode?: SimulationMode;
  /** Distinguishes runs against the same stack, [A-Za-z0-9_-]{1,48} (default "sim<seed>"). */
  readonly runId?: string;
}

/**
 * The plan of call `callIndex` (0-based, below scenario.calls): the buyer (persona by the mix, time
 * zone, language, territory, lead id) and their call's timeline (see README "Buyer model"). Pass
 * `callRng(scenario.seed, callIndex, 'plan')` for a reproducible campaign.
 */
export function planCall(
  scenario: Scenario,
  callIndex: number,
  rng: Rng,
  options: PlanOptions = {},
): CallPlan {
  if (!Number.isInteger(callIndex) || callIndex < 0 || callIndex >= scenario.calls) {
    throw new SimulationInputError(
      'callIndex',
      `callIndex must be an integer in 0..${scenario.calls - 1}, got ${callIndex}`,
    );
  }
  const mode = options.mode ?? (scenario.modes[0] as SimulationMode);
  const runId = options.runId ?? `sim${scenario.seed}`;
  if (!RUN_ID.test(runId)) {
    throw new SimulationInputError(
      'runId',
      `runId must match [A-Za-z0-9_-]{1,48}, got ${JSON.stringify(runId)}`,
    );
  }
  const { buyers } = scenario;
  const persona = rng.weighted(buyers.mix);
  const buyer = {
    callIndex,
    mode,
    interactionId: `${runId}-${MODE_CODES[mode]}-${callIndex}`,
    campaignId: campaignIdFor(scenario, mode),
    leadId: `lead-${scenario.seed}-${callIndex}`,
    persona,
    language: rng.weighted(buyers.languages),
    timeZone: rng.weighted(buyers.timeZones),
    territory: rng.weighted(buyers.territories),
    patienceMs: patienceMs(persona, rng),
  };
  const amdError = rng.chance(scenario.faults.amdErrorRate) ? amdErrorFor(persona, rng) : null;
  const script = new CallScript(
    {
      interactionId: buyer.interactionId,
      language: buyer.language,
      traits: PERSONA_TRAITS[persona],
      assertionRate: buyers.assertionRate,
    },
    rng,
  );
  script.callStarted({
    campaignId: buyer.campaignId,
    buyerLanguage: buyer.language,
    timeZone: buyer.timeZone,
    territory: buyer.territory,
    direction: v1.CallDirection.CALL_DIRECTION_OUTBOUND,
    leadId: buyer.leadId,
    platform: PLATFORM,
  });
  const story =
    persona === 'voicemail'
      ? voicemailCall(script, rng, amdError)
      : conversation(script, scenario, persona, rng, amdError);
  const decisive = lastConfirmation(script.timeline(), story);
  const hangsUpAtMs = decisive === null ? null : decisive.atMs + buyer.patienceMs;
  if (hangsUpAtMs !== null) {
    script.holdFillers(AGENT_HOLD_FILLERS.first, AGENT_HOLD_FILLERS.repeated, hangsUpAtMs);
  }
  const timeline = script
    .timeline()
    .map((event) =>
      event === decisive ? { ...event, tags: [...event.tags, 'decisive' as const] } : event,
    );
  return {
    ...buyer,
    hangsUpAtMs,
    questionOrder: story.questionOrder,
    timing: story.timing,
    objection: story.objection,
    amdError,
    answeredAtMs: script.answeredAt,
    timeline,
    decisiveAtMs: decisive?.atMs ?? null,
    decisiveSegmentId: decisive?.event.transcriptSegment?.segmentId ?? null,
    endsWithHangUp: story.endsWithHangUp,
  };
}

function amdErrorFor(persona: Persona, rng: Rng): AmdError {
  return persona === 'voicemail'
    ? rng.pick(['human_for_machine', 'unknown'] as const)
    : rng.pick(['machine_for_human', 'low_confidence_human', 'unknown'] as const);
}

/** The buyer's last confirmation, when the call gets that far without hanging up: the decisive utterance. */
function lastConfirmation(timeline: readonly PlannedEvent[], story: Story): PlannedEvent | null {
  if (story.endsWithHangUp) return null;
  return timeline.findLast((event) => event.tags.includes('confirmation')) ?? null;
}
