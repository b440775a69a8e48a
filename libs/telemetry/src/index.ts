// Public face of @warmline/telemetry: OpenTelemetry set-up for an agent process (propagation always,
// OTLP/HTTP export when configured by the standard OTEL_* variables), Warmline's span helpers and
// attribute names, and the agent's Prometheus metrics.
export { AgentMetrics, LATENCY_BUCKETS_S, type SettledMessageLike } from './agent-metrics.js';
export { startTelemetry, type Telemetry, type TelemetryOptions } from './start-telemetry.js';
export { ATTR, annotate, traced } from './traced.js';
export {
  DEFAULT_MAX_QUEUE_SIZE,
  TelemetryConfigError,
  tracingConfig,
  type TracingConfig,
} from './tracing-config.js';
