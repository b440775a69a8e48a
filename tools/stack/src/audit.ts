// `npm run audit -- <interactionId> [--json]`: prints one interaction's story — evidence, intent
// versions, decisions, grants and what used or refused them, transfer states, the booking — from
// the store the agents wrote: MongoDB when MONGODB_URI is set, else JetStream KV on NATS_URL (as
// NATS_USER / NATS_PASSWORD; any agent's user may read the store).
import { interactionStory, renderStory } from '@warmline/audit';
import { isValidId } from '@warmline/contracts';
import { openKvStore, openMongoStore, type WarmlineStore } from '@warmline/store';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const interactionId = args.find((a) => !a.startsWith('--'));
  if (interactionId === undefined || !isValidId(interactionId)) {
    process.stderr.write('usage: npm run audit -- <interactionId> [--json]\n');
    return 2;
  }
  const store = await openStore(process.env);
  try {
    const [versions, records] = await Promise.all([
      store.intents.history(interactionId),
      store.audit.list(interactionId),
    ]);
    if (versions.length === 0 && records.length === 0) {
      process.stderr.write(`nothing is stored for interaction ${interactionId}\n`);
      return 1;
    }
    const story = interactionStory(versions, records);
    process.stdout.write(
      args.includes('--json')
        ? `${JSON.stringify({ interactionId, story }, null, 2)}\n`
        : renderStory(interactionId, story),
    );
    return 0;
  } finally {
    await store.close();
  }
}

function openStore(env: NodeJS.ProcessEnv): Promise<WarmlineStore> {
  const uri = env['MONGODB_URI'];
  if (uri) {
    const database = env['WARMLINE_MONGODB_DATABASE'];
    return openMongoStore({ uri, ...(database ? { database } : {}) });
  }
  const user = env['NATS_USER'];
  return openKvStore({
    servers: (env['NATS_URL'] ?? 'nats://127.0.0.1:4222').split(','),
    connection: user ? { user, pass: env['NATS_PASSWORD'] ?? '' } : {},
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`audit failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
