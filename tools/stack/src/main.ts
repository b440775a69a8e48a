// `npm start`: the local Warmline stack. Today it brings up the broker the agents run on — nats-server
// with one user per agent, streams and state provisioned — and proves it with a bus self-check; the
// agents and a simulated campaign join it as their issues land. Ctrl-C stops everything it started.
import { openBroker, provision, type StackBroker } from '@warmline/stack';
import { checkBus } from './bus-check.js';

const keepRunning = process.argv.includes('--keep-running');
let broker: StackBroker | null = null;

async function main(): Promise<void> {
  broker = await openBroker(process.env);
  say(`broker: ${broker.url} (${broker.owned ? 'started here, one user per agent' : 'NATS_URL'})`);
  const summary = await provision(broker);
  say(
    `provisioned: ${summary.streamsCreated} streams created, ${summary.streamsUnchanged} already there; ` +
      `${summary.bucketsCreated} KV buckets created, ${summary.bucketsExisting} already there`,
  );
  if (broker.owned) {
    const rows = await checkBus(broker);
    console.table(
      rows.map((r) => ({
        agent: r.agent,
        'consumes (own durable consumers)': r.consumed || '—',
        'foreign publish refused by broker': r.refusedForeignPublish ? 'yes' : 'NO',
      })),
    );
    if (rows.some((r) => !r.refusedForeignPublish)) throw new Error('broker permissions are open');
    say(
      'bus self-check passed: every agent consumed its families; every foreign publish was refused',
    );
  }
  if (keepRunning) {
    say(`keeping the broker up at ${broker.url}; Ctrl-C to stop`);
    await new Promise(() => undefined);
  }
}

function say(line: string): void {
  process.stdout.write(`[warmline] ${line}\n`);
}

async function shutdown(code: number): Promise<never> {
  const owned = broker;
  broker = null;
  await owned?.stop();
  process.exit(code);
}

process.once('SIGINT', () => void shutdown(130));
process.once('SIGTERM', () => void shutdown(143));
main().then(
  () => shutdown(0),
  (err: unknown) => {
    process.stderr.write(
      `[warmline] failed: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return shutdown(1);
  },
);
