// A real JetStream cluster for a test: n nodes on loopback, fully routed, with a JetStream meta
// leader elected before it is handed over, so replicated streams can be created at once.
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { freePort } from './free-port.js';
import {
  ADMIN_USER,
  generatePasswords,
  startNatsServer,
  type NatsCredentials,
  type NatsServer,
} from './nats-server.js';

/** How long the cluster may take to elect a JetStream meta leader. */
const META_LEADER_TIMEOUT_MS = 30_000;

export interface NatsClusterOptions {
  /** Number of nodes (default 3). */
  readonly size?: number;
  /** Apply deploy/nats/users.conf on every node. */
  readonly auth?: boolean;
}

export interface NatsCluster {
  readonly nodes: readonly NatsServer[];
  /** Client URLs of every node. */
  readonly urls: readonly string[];
  credentials(user: string): NatsCredentials;
  /** Stops every node and removes their folders. */
  stop(): Promise<void>;
}

/** Starts a routed n-node cluster with JetStream and waits for its meta leader. */
export async function startNatsCluster(options: NatsClusterOptions = {}): Promise<NatsCluster> {
  const size = options.size ?? 3;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be ≥ 1, got ${size}`);
  const clusterName = `wl-cluster-${Math.random().toString(36).slice(2, 8)}`;
  const routePorts = await Promise.all(Array.from({ length: size }, () => freePort()));
  const routes = routePorts.map((p) => `"nats-route://127.0.0.1:${p}"`).join(', ');
  const passwords = options.auth ? generatePasswords() : undefined;
  const nodes: NatsServer[] = [];
  const cluster: NatsCluster = {
    nodes,
    get urls() {
      return nodes.map((n) => n.url);
    },
    credentials: (user) => {
      const first = nodes[0];
      if (first === undefined) throw new Error('cluster has no nodes');
      return first.credentials(user);
    },
    stop: async () => {
      await Promise.all(nodes.map((n) => n.stop()));
    },
  };
  try {
    // Nodes start together: each waits for routes to its peers, so starting them one by one is slow.
    const started = await Promise.all(
      routePorts.map((routePort, i) =>
        startNatsServer({
          auth: options.auth ?? false,
          name: `${clusterName}-n${i + 1}`,
          ...(passwords ? { passwords } : {}),
          extraConfig: `cluster { name: "${clusterName}", listen: "127.0.0.1:${routePort}", routes: [${routes}] }`,
        }),
      ),
    );
    nodes.push(...started);
    await waitForMetaLeader(cluster, options.auth ? cluster.credentials(ADMIN_USER) : null);
    return cluster;
  } catch (err) {
    await cluster.stop();
    throw err;
  }
}

async function waitForMetaLeader(
  cluster: NatsCluster,
  admin: NatsCredentials | null,
): Promise<void> {
  const nc = await connect({
    servers: [...cluster.urls],
    ...(admin ? { user: admin.user, pass: admin.pass } : {}),
  });
  try {
    const deadline = Date.now() + META_LEADER_TIMEOUT_MS;
    let lastError: unknown;
    while (Date.now() < deadline) {
      try {
        const jsm = await jetstreamManager(nc, { timeout: 2_000 });
        await jsm.getAccountInfo();
        return;
      } catch (err) {
        lastError = err;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    throw new Error(
      `JetStream cluster elected no meta leader within ${META_LEADER_TIMEOUT_MS} ms: ${String(lastError)}`,
    );
  } finally {
    await nc.close();
  }
}
