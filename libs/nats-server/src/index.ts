// Public face of @warmline/nats-server: run real nats-server processes — one node or a routed
// cluster, JetStream in their own folder, optionally with deploy/nats's per-agent users — and make
// sure none outlives the process that started it. Used by the local stack and the test harness.
export { freePort } from './free-port.js';
export { natsServerBinary } from './nats-binary.js';
export {
  ADMIN_USER,
  generatePasswords,
  startNatsServer,
  type NatsCredentials,
  type NatsServer,
  type NatsServerOptions,
} from './nats-server.js';
export { startNatsCluster, type NatsCluster, type NatsClusterOptions } from './nats-cluster.js';
export { deployedUsersConf, workspaceRoot } from './workspace.js';
