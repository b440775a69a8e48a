// Warmline on one machine, exactly as deployed: the broker, the provisioning step, and every agent
// and the gateway as its own process with its own NATS user — then the simulator as one more process.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { generateSigningKey } from '@warmline/authority';
import { natsPasswordVariable, type AgentName } from '@warmline/contracts';
import { DEFAULT_POLICY } from '@warmline/policy';
import {
  DEFAULT_SCENARIO,
  parseScenario,
  policyDocumentFor,
  type Scenario,
  type SimulationMode,
} from '@warmline/simulation';
import {
  openBroker,
  provision,
  startAgentProcess,
  type AgentProcess,
  type StackBroker,
} from '@warmline/stack';

/** The agents `npm start` runs, in start order (the gateway last: it serves once the rest listen). */
export const STACK_AGENTS: readonly AgentName[] = [
  'perception',
  'qualification',
  'escalation-governor',
  'router',
  'scheduler',
  'gateway',
];

/** Environment passed through to every agent process when set here (tracing, store). */
const PASSED_THROUGH = [
  'MONGODB_URI',
  'WARMLINE_MONGODB_DATABASE',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_EXPORTER_OTLP_HEADERS',
  'OTEL_TRACES_EXPORTER',
  'OTEL_SDK_DISABLED',
  'LOG_LEVEL',
];

export interface RunningStack {
  readonly broker: StackBroker;
  readonly agents: ReadonlyMap<AgentName, AgentProcess>;
  readonly gatewayUrl: string;
  /** The gateway API key of the local operator (all scopes). */
  readonly apiKey: string;
  /** The env a simulator (or any other process of the stack) connects with. */
  envFor(user: string): Record<string, string>;
  stop(): Promise<void>;
}

export interface StackOptions {
  readonly scenario: Scenario;
  readonly gatewayPort: number;
  readonly env: NodeJS.ProcessEnv;
  readonly onAgentReady?: (agent: AgentName, process: AgentProcess) => void;
}

/** The scenario of a run: the file's (or the default), with the command line's overrides. */
export function loadScenario(file: string | null, modes: string | null): Scenario {
  const scenario =
    file === null
      ? DEFAULT_SCENARIO
      : parseScenario(
          readFileSync(file, 'utf8'),
          extname(file) === '.json' ? 'json' : 'yaml',
          file,
        );
  if (modes === null) return scenario;
  const list = modes.split(',').map((m) => m.trim()) as SimulationMode[];
  return { ...scenario, modes: list };
}

/** Starts broker, provisioning and every agent; resolves once all report ready. */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const policyDir = mkdtempSync(join(tmpdir(), 'warmline-policies-'));
  const policyFiles = options.scenario.modes.map((mode) => {
    const file = join(policyDir, `${mode}.policy.json`);
    writeFileSync(file, JSON.stringify(policyDocumentFor(DEFAULT_POLICY, options.scenario, mode)));
    return file;
  });
  const broker = await openBroker(options.env);
  const agents = new Map<AgentName, AgentProcess>();
  const stopAll = async () => {
    await Promise.all([...agents.values()].map((agent) => agent.stop()));
    await broker.stop();
    rmSync(policyDir, { recursive: true, force: true });
  };
  try {
    await provision(broker);
    const grantKey = generateSigningKey();
    const apiKey = `wl-local-${randomBytes(12).toString('hex')}`;
    const envFor = (user: string): Record<string, string> => ({
      ...passedThrough(options.env),
      NATS_URL: broker.url,
      [natsPasswordVariable(user)]: broker.credentials(user).pass,
      WARMLINE_GRANT_TRUSTED_KEYS: grantKey.publicKey,
    });
    const agentEnv: Record<AgentName, Record<string, string>> = {
      perception: {},
      qualification: { WARMLINE_POLICY_FILES: policyFiles.join(',') },
      'escalation-governor': {
        WARMLINE_POLICY_FILES: policyFiles.join(','),
        WARMLINE_GRANT_SIGNING_SEED: grantKey.seed,
      },
      router: {},
      scheduler: {},
      gateway: {
        WARMLINE_HTTP_PORT: String(options.gatewayPort),
        WARMLINE_API_KEYS: `local:${apiKey}:events+twilio+desk+read`,
      },
      simulator: {},
    };
    await Promise.all(
      STACK_AGENTS.map(async (agent) => {
        const started = await startAgentProcess({
          app: agent,
          env: { ...envFor(agent), WARMLINE_INSTANCE: `${agent}-1`, ...agentEnv[agent] },
        });
        agents.set(agent, started);
        options.onAgentReady?.(agent, started);
      }),
    );
    const gatewayPort = agents
      .get('gateway')
      ?.logs()
      .find((l) => l['msg'] === 'agent ready')?.['port'];
    return {
      broker,
      agents,
      gatewayUrl: `http://127.0.0.1:${String(gatewayPort ?? options.gatewayPort)}`,
      apiKey,
      envFor,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

function passedThrough(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    PASSED_THROUGH.flatMap((name) => (env[name] ? [[name, env[name] as string]] : [])),
  );
}
