// The options of `npm start`, parsed once with a clear error for a bad one.
import { parseArgs } from 'node:util';

export interface LaunchOptions {
  /** Scenario file for the simulated campaign (default: the shipped default scenario). */
  readonly scenario: string | null;
  /** Calls per mode, overriding the scenario. */
  readonly calls: number | null;
  /** Modes to run, overriding the scenario (warm, cold, appointment-only). */
  readonly modes: string | null;
  /** Where the report goes (default .warmline/reports/<time>). */
  readonly out: string | null;
  /** Keep the stack up after the campaign, for a real voice agent to use the gateway. */
  readonly keepRunning: boolean;
  /** Start the stack without a campaign (implies keepRunning). */
  readonly campaign: boolean;
  /** Port of the gateway (WARMLINE_HTTP_PORT of its process). */
  readonly gatewayPort: number;
  /** Run the bus self-check before starting the agents. */
  readonly selfCheck: boolean;
}

export const USAGE = `npm start [-- options]
  --scenario <file>      campaign scenario (YAML/JSON; default: libs/simulation/scenarios/default.scenario.yaml)
  --calls <n>            calls per mode (overrides the scenario)
  --modes <list>         modes to compare: warm,cold,appointment-only (overrides the scenario)
  --out <dir>            report folder (default .warmline/reports/<time>)
  --keep-running         keep the stack up after the campaign (point a voice agent at the gateway)
  --no-campaign          start the stack only, and keep it up until Ctrl-C
  --gateway-port <port>  the gateway's HTTP port (default 8080; 0 picks a free one)
  --self-check           run the bus self-check (every agent's permissions) first
env: NATS_URL (+ WL_NATS_PASSWORD_<USER>) to use your broker; MONGODB_URI to use MongoDB as the store`;

/** Parses argv (without node and script); throws an Error naming the bad option. */
export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scenario: { type: 'string' },
      calls: { type: 'string' },
      modes: { type: 'string' },
      out: { type: 'string' },
      'keep-running': { type: 'boolean', default: false },
      'no-campaign': { type: 'boolean', default: false },
      'gateway-port': { type: 'string' },
      'self-check': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) throw new UsageRequested();
  const calls = values.calls === undefined ? null : Number(values.calls);
  if (calls !== null && (!Number.isInteger(calls) || calls < 1)) {
    throw new Error(`--calls must be a whole number ≥ 1, got "${values.calls}"`);
  }
  const port = values['gateway-port'] === undefined ? 8080 : Number(values['gateway-port']);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--gateway-port must be a port number, got "${values['gateway-port']}"`);
  }
  const campaign = !values['no-campaign'];
  return {
    scenario: values.scenario ?? null,
    calls,
    modes: values.modes ?? null,
    out: values.out ?? null,
    keepRunning: values['keep-running'] || !campaign,
    campaign,
    gatewayPort: port,
    selfCheck: values['self-check'],
  };
}

/** --help was given. */
export class UsageRequested extends Error {
  constructor() {
    super(USAGE);
    this.name = 'UsageRequested';
  }
}
