// Public face of @warmline/testing (specs only — lint forbids it in production code): the test
// harness. Real nats-server processes on free loopback ports come from @warmline/nats-server; the
// helpers here add what only tests need.
export {
  ADMIN_USER,
  freePort,
  natsServerBinary,
  startNatsCluster,
  startNatsServer,
  workspaceRoot,
  type NatsCluster,
  type NatsClusterOptions,
  type NatsCredentials,
  type NatsServer,
  type NatsServerOptions,
} from '@warmline/nats-server';
export { eventually, sleep } from './eventually.js';
export { storedDeadLetters, storedEnvelopes, type StoredEnvelope } from './stream-reader.js';
export { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver.js';
