// One mode of a campaign: the scenario's calls placed at their Poisson arrival instants (held back
// while `concurrency` calls are in flight), played to their end, a settling pause for the stack's
// late reports, then every conversation still going ended so the next mode starts with free closers.
import type { EventBus } from '@warmline/bus';
import {
  Rng,
  arrivalOffsetsMs,
  callRng,
  planCall,
  type CallOutcome,
  type Scenario,
  type SimulationMode,
} from '@warmline/simulation';
import type { CampaignAbort } from './campaign-abort.js';
import type { CampaignCalls } from './campaign-calls.js';
import type { CampaignProgress, ProgressSnapshot } from './campaign-progress.js';
import type { EndingKind } from './call-outcome-of.js';
import type { CloserDesks } from './closer-desks.js';
import { ConcurrencyGate } from './concurrency-gate.js';
import { SimulatedCall, type CallTrace } from './simulated-call.js';
import type { SimulatedTelephony } from './simulated-telephony.js';
import type { WallClock } from './wall-clock.js';

/** What a mode needs from the campaign. */
export interface ModeDeps {
  readonly bus: EventBus;
  readonly clock: WallClock;
  /** The scenario as its policy files were written (all its modes): it decides campaign ids. */
  readonly scenario: Scenario;
  readonly runId: string;
  readonly calls: CampaignCalls;
  readonly telephony: SimulatedTelephony;
  readonly desks: CloserDesks;
  readonly abort: CampaignAbort;
  readonly progress: CampaignProgress | null;
  /** Wall ms to wait after the last call ended, for the stack's late reports. */
  readonly settleMs: number;
}

/** What one mode produced: each call's outcome and trace, in call order. */
export interface ModeResult {
  readonly outcomes: readonly CallOutcome[];
  readonly traces: readonly CallTrace[];
}

/** Plays every call of `mode`; resolves with their outcomes and traces in call order. */
export async function playMode(
  deps: ModeDeps,
  mode: SimulationMode,
  position: { readonly number: number; readonly count: number },
): Promise<ModeResult> {
  const { clock, scenario, abort } = deps;
  await abort.guard(deps.desks.reportPresence());
  const offsets = arrivalOffsetsMs(scenario, Rng.seeded(scenario.seed, 'arrivals'));
  const gate = new ConcurrencyGate(scenario.concurrency);
  const tally = new ModeTally(mode, position, scenario.calls, clock);
  const placed: SimulatedCall[] = [];
  const startedAt = clock.now();
  for (let i = 0; i < scenario.calls; i++) {
    await abort.guard(clock.sleepUntil(startedAt + (offsets[i] ?? 0)));
    await abort.guard(gate.acquire());
    const plan = planCall(scenario, i, callRng(scenario.seed, i, 'plan'), {
      mode,
      runId: deps.runId,
    });
    const call = new SimulatedCall(plan, {
      bus: deps.bus,
      clock,
      scenario,
      telephony: deps.telephony,
      desks: deps.desks,
      fail: abort.fail,
      onEnded: (ended) => {
        gate.release();
        tally.ended(ended.endingKind);
        deps.progress?.update(tally.snapshot());
      },
    });
    deps.calls.add(call);
    placed.push(call);
    call.start();
    tally.started();
    deps.progress?.update(tally.snapshot());
  }
  await abort.guard(Promise.all(placed.map((call) => call.ended)));
  await abort.guard(clock.sleepUntil(clock.now() + deps.settleMs));
  await abort.guard(Promise.all(placed.map((call) => call.endConversation())));
  deps.progress?.modeDone(tally.snapshot());
  return {
    outcomes: placed.map((call) => call.outcome()),
    traces: placed.map((call) => call.trace()),
  };
}

/** Counts for the progress display. */
class ModeTally {
  private startedCalls = 0;
  private endedCalls = 0;
  private readonly endings: Partial<Record<EndingKind, number>> = {};
  private readonly startedAt: number;

  constructor(
    private readonly mode: SimulationMode,
    private readonly position: { readonly number: number; readonly count: number },
    private readonly calls: number,
    private readonly clock: WallClock,
  ) {
    this.startedAt = clock.now();
  }

  started(): void {
    this.startedCalls += 1;
  }

  ended(kind: EndingKind | null): void {
    this.endedCalls += 1;
    if (kind !== null) this.endings[kind] = (this.endings[kind] ?? 0) + 1;
  }

  snapshot(): ProgressSnapshot {
    return {
      mode: this.mode,
      modeNumber: this.position.number,
      modeCount: this.position.count,
      calls: this.calls,
      started: this.startedCalls,
      ended: this.endedCalls,
      endings: { ...this.endings },
      elapsedMs: this.clock.now() - this.startedAt,
    };
  }
}
