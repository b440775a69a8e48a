// `npm start`: the whole Warmline stack on this machine — nats-server with one user per agent,
// streams and state provisioned, every agent and the gateway as its own process — then a simulated
// campaign whose report is printed (and written as JSON and HTML). Ctrl-C stops everything it started.
import { checkBus } from './bus-check.js';
import { parseLaunchOptions, UsageRequested, USAGE } from './launch-options.js';
import { loadScenario, startStack, type RunningStack } from './local-stack.js';
import { runSimulator } from './simulator-process.js';

let stack: RunningStack | null = null;
let stopping = false;

async function main(): Promise<number> {
  const options = parseLaunchOptions(process.argv.slice(2));
  const scenario = loadScenario(options.scenario, options.modes);
  say(
    `starting: broker, provisioning, ${['perception', 'qualification', 'escalation-governor', 'router', 'scheduler', 'gateway'].join(', ')}`,
  );
  stack = await startStack({
    scenario,
    gatewayPort: options.gatewayPort,
    env: process.env,
    onAgentReady: (agent, p) => say(`  ${agent.padEnd(20)} ready (pid ${p.pid})`),
  });
  say(`broker ${stack.broker.url} (${stack.broker.owned ? 'started here' : 'NATS_URL'})`);
  say(
    `gateway ${stack.gatewayUrl}  API key: ${stack.apiKey}  (try ${stack.gatewayUrl}/v1/openapi.json)`,
  );
  if (options.selfCheck && stack.broker.owned) {
    const rows = await checkBus(stack.broker);
    say(
      `bus self-check: ${rows.filter((r) => r.refusedForeignPublish).length}/${rows.length} agents confined by the broker`,
    );
  }
  let code = 0;
  if (options.campaign) {
    say(
      `campaign: ${options.calls ?? scenario.calls} calls per mode, modes ${scenario.modes.join(', ')}`,
    );
    code = await runSimulator({
      scenario: options.scenario,
      calls: options.calls,
      modes: options.modes,
      out: options.out,
      env: stack.envFor('simulator'),
    });
    if (code !== 0) say(`the simulator exited with code ${code}`);
  }
  if (options.keepRunning && !stopping) {
    say('the stack keeps running; Ctrl-C stops it');
    await new Promise<void>(() => undefined);
  }
  return code;
}

function say(line: string): void {
  process.stdout.write(`[warmline] ${line}\n`);
}

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    say('stopping the stack');
    await stack?.stop().catch(() => undefined);
  }
  process.exit(code);
}

process.once('SIGTERM', () => void shutdown(143));
process.once('SIGINT', () => void shutdown(130));
main().then(
  (code) => shutdown(code),
  (err: unknown) => {
    if (err instanceof UsageRequested) {
      process.stdout.write(`${USAGE}\n`);
      return shutdown(0);
    }
    process.stderr.write(
      `[warmline] failed: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    if (!(err instanceof Error) || !err.message.includes('--')) process.stderr.write(`${USAGE}\n`);
    return shutdown(1);
  },
);
