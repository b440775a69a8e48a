// A whole campaign against a running stack, as the simulator NATS user: the observer follows the
// stack's decisions, handoffs, appointments and dead letters; the simulated telephony consumes
// commands; the desks report presence and answer reservations; then each mode's calls are played
// in turn and the report is built from their outcomes.
import { EventBus, type BusLogger } from '@warmline/bus';
import { agentScopes } from '@warmline/contracts';
import {
  buildReport,
  type CallOutcome,
  type Report,
  type Scenario,
  type SimulationMode,
} from '@warmline/simulation';
import { CallProgressReporter } from './call-progress-reporter.js';
import { CampaignAbort } from './campaign-abort.js';
import { CampaignCalls } from './campaign-calls.js';
import type { CampaignProgress } from './campaign-progress.js';
import { CloserDesks } from './closer-desks.js';
import { CommandGrants } from './command-grant.js';
import { DeadLetterTally, type DeadLetterCount } from './dead-letter-tally.js';
import { BrokerUnreachableError, CampaignInvalidError } from './errors.js';
import { playMode } from './play-mode.js';
import { modesToRun } from './scenario-source.js';
import type { CallTrace } from './simulated-call.js';
import { SimulatedTelephony } from './simulated-telephony.js';
import type { SimulatorSettings } from './simulator-settings.js';
import { StackFeed } from './stack-feed.js';
import { TelephonyCommands } from './telephony-commands.js';
import { systemClock, type WallClock } from './wall-clock.js';

/** How to run a campaign. */
export interface CampaignOptions {
  /**
   * The scenario, command-line overrides applied. Its `modes` must be those the stack's policy
   * files were written for (policyFilesFor): they decide each mode's campaign id.
   */
  readonly scenario: Scenario;
  /** The modes to run, a subset of the scenario's; default all of them. */
  readonly modes?: readonly SimulationMode[] | null;
  /** Broker, identity and trusted grant keys (readSimulatorSettings). */
  readonly settings: SimulatorSettings;
  /**
   * Distinguishes this run's interaction ids (`<runId>-<w|c|a>-<i>`) from every earlier run against
   * the same stack; [A-Za-z0-9_-]{1,48}. Default `s<seed>-<start time in base 36>`.
   */
  readonly runId?: string;
  readonly progress?: CampaignProgress | null;
  /** Where warnings go (default: dropped). */
  readonly warn?: (message: string) => void;
  /** Wall ms to wait after a mode's last call for the stack's late reports; default 2000. */
  readonly settleMs?: number;
  readonly clock?: WallClock;
}

/** The report, with every call's outcome and what the stack dead-lettered about them. */
export interface CampaignReport extends Report {
  readonly runId: string;
  /** Every call's outcome, mode by mode, in call order. */
  readonly calls: readonly CallOutcome[];
  readonly stack: {
    /** Dead letters any agent wrote about the campaign's calls. */
    readonly deadLetters: readonly DeadLetterCount[];
  };
  /** Every call's trace (written to trails.json, not to report.json). */
  readonly traces: readonly CallTrace[];
}

const DEFAULT_SETTLE_MS = 2_000;
const RUN_ID = /^[A-Za-z0-9_-]{1,48}$/;

/**
 * Runs the campaign against the stack the settings point at and returns its report. Rejects with
 * the first error that stopped it (the broker unreachable, streams not provisioned, a publish
 * refused); everything it opened is closed either way.
 */
export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const { scenario, settings } = options;
  const clock = options.clock ?? systemClock;
  const warn = options.warn ?? (() => undefined);
  const modes = modesToRun(scenario, options.modes ?? null);
  const runId = options.runId ?? `s${scenario.seed}-${clock.now().toString(36)}`;
  if (!RUN_ID.test(runId)) {
    throw new CampaignInvalidError('runId', `must match ${RUN_ID}, got ${JSON.stringify(runId)}`);
  }
  const bus = await connectAsSimulator(settings, warn);
  const abort = new CampaignAbort();
  const calls = new CampaignCalls();
  const desks = new CloserDesks({ bus, clock, scenario, calls, fail: abort.fail, warn });
  const telephony = new SimulatedTelephony({
    reporter: new CallProgressReporter(bus),
    clock,
    timeScale: scenario.timeScale,
    calls,
    desks,
    fail: abort.fail,
  });
  const deadLetters = new DeadLetterTally();
  let feed: StackFeed | null = null;
  try {
    feed = await followStack(bus, { calls, desks, deadLetters, clock, warn });
    await consumeTelephony(bus, telephony, settings.trustedGrantKeys, { calls, clock, warn });
    const outcomes: CallOutcome[] = [];
    const traces: CallTrace[] = [];
    const deps = {
      bus,
      clock,
      scenario,
      runId,
      calls,
      telephony,
      desks,
      abort,
      progress: options.progress ?? null,
      settleMs: options.settleMs ?? DEFAULT_SETTLE_MS,
    };
    for (const [i, mode] of modes.entries()) {
      const result = await playMode(deps, mode, { number: i + 1, count: modes.length });
      outcomes.push(...result.outcomes);
      traces.push(...result.traces);
    }
    const report = buildReport(outcomes, { ...scenario, modes });
    return {
      ...report,
      runId,
      calls: outcomes,
      stack: { deadLetters: deadLetters.list() },
      traces,
    };
  } finally {
    telephony.close();
    desks.close();
    await feed?.stop();
    await bus.close();
  }
}

/** The observer: the stack's reports reach the desks (reservations) and the calls (the rest). */
function followStack(
  bus: EventBus,
  to: {
    readonly calls: CampaignCalls;
    readonly desks: CloserDesks;
    readonly deadLetters: DeadLetterTally;
    readonly clock: WallClock;
    readonly warn: (message: string) => void;
  },
): Promise<StackFeed> {
  const { calls, desks, deadLetters, clock, warn } = to;
  return StackFeed.follow(
    bus,
    (envelope, family) => {
      if (!calls.has(envelope.interactionId)) return;
      if (family === 'dlq') deadLetters.note(envelope);
      else if (envelope.reservationEvent) desks.onReservationEvent(envelope);
      else calls.get(envelope.interactionId)?.observe(envelope, clock.now());
    },
    warn,
  );
}

/** The simulated telephony's durable consumers of `telephony`, each command's arrival noted. */
async function consumeTelephony(
  bus: EventBus,
  telephony: SimulatedTelephony,
  trustedGrantKeys: readonly string[],
  by: {
    readonly calls: CampaignCalls;
    readonly clock: WallClock;
    readonly warn: (message: string) => void;
  },
): Promise<void> {
  const { calls, clock, warn } = by;
  const commands = new TelephonyCommands(telephony, new CommandGrants(trustedGrantKeys), clock, {
    commandArrived: (iid, command, atMs) => calls.get(iid)?.trail.noteCommand(command, atMs),
    commandRefused: (iid, code, atMs) => {
      warn(`telephony refused a command of ${iid}: ${code}`);
      calls.get(iid)?.trail.noteRefusal(code, atMs);
    },
  });
  await bus.consume(new Map([['telephony', (envelope) => commands.handle(envelope)]]));
}

async function connectAsSimulator(
  settings: SimulatorSettings,
  warn: (message: string) => void,
): Promise<EventBus> {
  const { servers, instance, user, pass } = settings.bus;
  try {
    return await EventBus.connect({
      servers: [...servers],
      agent: 'simulator',
      instance,
      ...(user === undefined ? {} : { user, pass: pass ?? '' }),
      scopes: agentScopes('simulator'),
      logger: busLogger(warn),
    });
  } catch (cause) {
    throw new BrokerUnreachableError(servers, user, { cause });
  }
}

// The bus's own messages: warnings and errors matter, routine logs do not.
function busLogger(warn: (message: string) => void): BusLogger {
  return {
    log: () => undefined,
    warn: (message: unknown) => warn(`bus: ${String(message)}`),
    error: (message: unknown) => warn(`bus error: ${String(message)}`),
  };
}
