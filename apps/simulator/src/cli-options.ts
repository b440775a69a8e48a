// The command line, parsed once: what to run (a campaign, the policy files, or the help text) and
// the overrides of the scenario file. Every bad option stops the run with the option's name.
import { parseArgs } from 'node:util';
import { SIMULATION_MODES, type SimulationMode } from '@warmline/simulation';
import { CliUsageError } from './errors.js';

/** What the command line asks for. */
export interface CliOptions {
  /** `run` a campaign, `write-policies` (one policy file per mode) and exit, or print `help`. */
  readonly command: 'run' | 'write-policies' | 'help';
  /** The scenario file (.yaml, .yml or .json); null = the shipped default scenario. */
  readonly scenarioPath: string | null;
  /** Calls per mode, overriding the scenario. */
  readonly calls: number | null;
  /** The modes to run, a subset of the scenario's; null = all of them. */
  readonly modes: readonly SimulationMode[] | null;
  /** Calls in flight at once, overriding the scenario. */
  readonly concurrency: number | null;
  /** New calls per second (mean), overriding the scenario. */
  readonly ratePerSecond: number | null;
  /** Seed, overriding the scenario. */
  readonly seed: number | null;
  /** Where the report goes; null = `.warmline/reports/<timestamp>`. */
  readonly outDir: string | null;
  /** Where `write-policies` writes the policy files. */
  readonly policyDir: string | null;
  /** Show progress on stderr. */
  readonly progress: boolean;
}

/** The help text of `node apps/simulator/dist/main.js --help`. */
export const USAGE = `Usage: node apps/simulator/dist/main.js [options]

Drives a running Warmline over the bus with a synthetic campaign and writes its report.

Options:
  --scenario <file>         scenario file (.yaml, .yml, .json); default: the shipped default scenario
  --calls <n>               calls per mode (overrides the scenario)
  --modes <list>            comma-separated subset of the scenario's modes: warm,cold,appointment-only
  --concurrency <n>         calls in flight at once (overrides the scenario)
  --rate <calls/s>          mean rate of new calls per second (overrides the scenario)
  --seed <n>                seed, 0..4294967295 (overrides the scenario)
  --out <dir>               report folder (default .warmline/reports/<timestamp>)
  --no-progress             no progress bar or progress lines on stderr
  --write-policies <dir>    write one policy file per mode of the scenario into <dir> and exit
  -h, --help                this text

Environment:
  NATS_URL                          broker (default nats://127.0.0.1:4222)
  WL_NATS_PASSWORD_SIMULATOR        password of NATS user "simulator" (or NATS_PASSWORD)
  WARMLINE_GRANT_TRUSTED_KEYS       the governor's grant public keys (comma-separated)

Exit code: 0 when the campaign ran to the end (whatever its outcomes), 1 on an error.`;

const MAX_CALLS = 100_000;
const MAX_SEED = 0xffff_ffff;

/** Parses `argv` (without node and the script). Throws CliUsageError naming the bad option. */
export function parseCliOptions(argv: readonly string[]): CliOptions {
  const { values } = readArgs(argv);
  if (values.help === true) return { ...NO_OPTIONS, command: 'help' };
  const policyDir = text(values['write-policies'], '--write-policies');
  return {
    command: policyDir === null ? 'run' : 'write-policies',
    scenarioPath: text(values.scenario, '--scenario'),
    calls: wholeNumber(values.calls, '--calls', 1, MAX_CALLS),
    modes: modeList(values.modes),
    concurrency: wholeNumber(values.concurrency, '--concurrency', 1, MAX_CALLS),
    ratePerSecond: positiveNumber(values.rate, '--rate'),
    seed: wholeNumber(values.seed, '--seed', 0, MAX_SEED),
    outDir: text(values.out, '--out'),
    policyDir,
    progress: values['no-progress'] !== true,
  };
}

/** `.warmline/reports/<UTC timestamp>`: the default report folder of a run started at `nowMs`. */
export function defaultReportDir(nowMs: number): string {
  const stamp = new Date(nowMs)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
  return `.warmline/reports/${stamp}`;
}

const NO_OPTIONS: CliOptions = {
  command: 'run',
  scenarioPath: null,
  calls: null,
  modes: null,
  concurrency: null,
  ratePerSecond: null,
  seed: null,
  outDir: null,
  policyDir: null,
  progress: true,
};

function readArgs(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        scenario: { type: 'string' },
        calls: { type: 'string' },
        modes: { type: 'string' },
        concurrency: { type: 'string' },
        rate: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        'no-progress': { type: 'boolean' },
        'write-policies': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    // parseArgs names the option in its message ("Unknown option '--cals'").
    const message =
      typeof err === 'object' && err !== null && 'message' in err
        ? String(err.message)
        : String(err);
    throw new CliUsageError('command line', message);
  }
}

function text(raw: string | undefined, option: string): string | null {
  if (raw === undefined) return null;
  if (raw.trim() === '') throw new CliUsageError(option, 'must not be empty');
  return raw.trim();
}

function wholeNumber(
  raw: string | undefined,
  option: string,
  min: number,
  max: number,
): number | null {
  if (raw === undefined) return null;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new CliUsageError(option, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function positiveNumber(raw: string | undefined, option: string): number | null {
  if (raw === undefined) return null;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new CliUsageError(option, `must be a number above 0, got "${raw}"`);
  }
  return value;
}

function modeList(raw: string | undefined): SimulationMode[] | null {
  if (raw === undefined) return null;
  const names = raw.split(',').map((name) => name.trim());
  if (names.some((name) => name === '')) {
    throw new CliUsageError('--modes', `lists an empty mode in "${raw}"`);
  }
  const modes: SimulationMode[] = [];
  for (const name of names) {
    if (!(SIMULATION_MODES as readonly string[]).includes(name)) {
      throw new CliUsageError(
        '--modes',
        `"${name}" is not a mode; use ${SIMULATION_MODES.join(', ')}`,
      );
    }
    if (modes.includes(name as SimulationMode)) {
      throw new CliUsageError('--modes', `lists "${name}" twice`);
    }
    modes.push(name as SimulationMode);
  }
  return modes;
}
