// Public face of @warmline/telemetry: OpenTelemetry set-up for an agent process (propagation always,
// OTLP/HTTP export when configured by the standard OTEL_* variables), Warmline's span helpers and
// attribute names, and the agent's Prometheus metrics.
export {
  AgentMetrics,
  LATENCY_BUCKETS_S,
  SCRAPE_HOOK_TIMEOUT_MS,
  type ScrapeHook,
  type SettledMessageLike,
} from './agent-metrics.js';
export { enumLabel } from './enum-label.js';
// The series types AgentMetrics' factories return, so agents need no direct prom-client import.
export type { Counter, Gauge, Histogram } from 'prom-client';
export { startTelemetry, type Telemetry, type TelemetryOptions } from './start-telemetry.js';
export { ATTR, annotate, traced } from './traced.js';
export {
  DEFAULT_MAX_QUEUE_SIZE,
  TelemetryConfigError,
  tracingConfig,
  type TracingConfig,
} from './tracing-config.js';
