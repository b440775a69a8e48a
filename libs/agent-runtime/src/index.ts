// Public face of @warmline/agent-runtime: what every Warmline agent is built from — config read once,
// JSON logs with trace ids, the bus and store wired into Nest, and crash-safe checkpointed steps.
export { optionalMs, readAgentConfig, requiredString, type AgentConfig } from './agent-config.js';
export { AgentConfigError } from './config-error.js';
export { AgentLogger } from './agent-logger.js';
export { describeStore, openAgentStore, readStoreConfig, type StoreConfig } from './agent-store.js';
export { agentMetrics, agentTelemetry, onAgentShutdown } from './agent-telemetry.js';
export { startHealthServer, type HealthServer, type HealthSource } from './health-server.js';
export { AgentRuntimeModule, busOptionsOf } from './agent-runtime.module.js';
export {
  CheckpointContentionError,
  CheckpointedSteps,
  plainJson,
  type Decide,
  type StateCodec,
  type StepObserver,
  type StepOutcome,
} from './checkpointed-step.js';
export {
  DURABLE_TIMER_RETRY_MS,
  DurableTimers,
  type DurableTimersOptions,
} from './durable-timers.js';
export { EffectPerformer } from './effect-performer.js';
export { stepMetricsProvider } from './step-metrics.js';
export { POLICY_FILES_VARIABLE, readPolicyBook, type ReadText } from './policy-files.js';
export type {
  AuditEffect,
  Effect,
  EffectSink,
  IntentWriteEffect,
  PublishEffect,
} from './effects.js';
export { READY_MESSAGE, runAgent, startAgent } from './run-agent.js';
export { AGENT_CONFIG, AGENT_LOGGER, AGENT_METRICS, STEPS, STORE } from './tokens.js';
