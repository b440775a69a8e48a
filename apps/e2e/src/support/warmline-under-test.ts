// A whole Warmline for an end-to-end test: a real broker with deploy/nats's users, provisioned, and
// agents started as their own processes exactly as deployed. Tests talk to it as the gateway (or the
// simulator) would, and read what the agents published straight from the streams.
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { generateSigningKey } from '@warmline/authority';
import { EventBus } from '@warmline/bus';
import { agentScopes, natsPasswordVariable, type AgentName } from '@warmline/contracts';
import {
  openBroker,
  provision,
  startAgentProcess,
  type AgentProcess,
  type StackBroker,
} from '@warmline/stack';
import { ADMIN_USER, startNatsServer, type NatsServer } from '@warmline/testing';

export interface WarmlineUnderTestOptions {
  /** A broker the test can kill and restart on the same port and store (outage tests). */
  readonly restartableBroker?: boolean;
}

export interface WarmlineUnderTest {
  readonly broker: StackBroker;
  /** The broker's server, to kill and restart; null unless `restartableBroker` was asked for. */
  readonly server: Pick<NatsServer, 'kill' | 'restart'> | null;
  readonly jsm: JetStreamManager;
  /** The governor's signing seed and its public key (trusted by executors). */
  readonly grantKey: { readonly seed: string; readonly publicKey: string };
  /** Starts (another replica of) an agent; extra env overrides the defaults. */
  start(app: AgentName, env?: Record<string, string>): Promise<AgentProcess>;
  /** A bus connection as `agent` (its own NATS user and scopes), e.g. the gateway. */
  busAs(agent: AgentName): Promise<EventBus>;
  stop(): Promise<void>;
}

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

export async function warmlineUnderTest(
  options: WarmlineUnderTestOptions = {},
): Promise<WarmlineUnderTest> {
  const server = options.restartableBroker
    ? await startNatsServer({ auth: true, name: 'warmline-restartable' })
    : null;
  const broker: StackBroker = server
    ? {
        url: server.url,
        owned: true,
        credentials: (user) => server.credentials(user),
        stop: () => server.stop(),
      }
    : await openBroker({});
  await provision(broker);
  const admin: NatsConnection = await connect({
    servers: broker.url,
    ...broker.credentials(ADMIN_USER),
  });
  const jsm = await jetstreamManager(admin);
  const key = generateSigningKey();
  const grantKey = { seed: key.seed, publicKey: key.publicKey };
  const processes: AgentProcess[] = [];
  const buses: EventBus[] = [];
  let replica = 0;

  return {
    broker,
    server,
    jsm,
    grantKey,
    async start(app, env = {}) {
      replica += 1;
      const agent = await startAgentProcess({
        app,
        label: `${app}-${replica}`,
        echo: process.env['E2E_ECHO'] === '1',
        env: {
          NATS_URL: broker.url,
          [natsPasswordVariable(app)]: broker.credentials(app).pass,
          WARMLINE_INSTANCE: `${app}-${replica}`,
          WARMLINE_GRANT_SIGNING_SEED: grantKey.seed,
          WARMLINE_GRANT_TRUSTED_KEYS: grantKey.publicKey,
          LOG_LEVEL: 'debug',
          ...env,
        },
      });
      processes.push(agent);
      return agent;
    },
    async busAs(agent) {
      const bus = await EventBus.connect({
        servers: broker.url,
        agent,
        instance: `${agent}-test`,
        ...broker.credentials(agent),
        scopes: agentScopes(agent),
        logger: quiet,
      });
      buses.push(bus);
      return bus;
    },
    async stop() {
      await Promise.all(processes.map((p) => p.stop()));
      await Promise.all(buses.map((b) => b.close()));
      await admin.close();
      await broker.stop();
    },
  };
}
