// The provisioning step of a deployment (a one-shot job before the agents start): creates every
// stream and KV bucket with the configured replicas as the admin user, and MongoDB's collections,
// validators and indexes when MONGODB_URI is set. Idempotent; retries while the broker comes up.
import { MongoClient } from 'mongodb';
import { AgentLogger } from '@warmline/agent-runtime';
import { openBroker, provision } from '@warmline/stack';
import { provisionMongoStore } from '@warmline/store';
import { readProvisionSettings } from './provision-settings.js';

const logger = new AgentLogger('provision', process.env['WARMLINE_INSTANCE'] ?? 'provision');

async function main(): Promise<void> {
  const settings = readProvisionSettings(process.env);
  const broker = await openBroker(process.env);
  const deadline = Date.now() + settings.timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      const summary = await provision(broker, { replicas: settings.replicas });
      logger.info('bus and store provisioned', { ...summary, replicas: settings.replicas });
      break;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      logger.warn({ msg: 'broker not ready yet; retrying', attempt, err: String(err) });
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
  if (settings.store.kind === 'mongodb') {
    const client = new MongoClient(settings.store.uri);
    try {
      await client.connect();
      const result = await provisionMongoStore(client.db(settings.store.database ?? 'warmline'));
      logger.info('MongoDB provisioned', { ...result });
    } finally {
      await client.close();
    }
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    logger.fatal(err instanceof Error ? err : new Error(String(err)), 'provision');
    process.exit(1);
  },
);
