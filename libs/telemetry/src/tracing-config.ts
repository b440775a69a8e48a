// Whether and where traces are exported, from the standard OpenTelemetry environment variables only,
// so operators configure Warmline like any other OpenTelemetry service.

/** What the environment asks of tracing. */
export interface TracingConfig {
  /** True when spans are exported; false costs nothing beyond context propagation. */
  readonly enabled: boolean;
  /** Why tracing is off, for the start-up log. */
  readonly reason: string;
  /** Spans buffered before export; beyond it spans are dropped and counted. */
  readonly maxQueueSize: number;
  /** Where spans are POSTed (the traces endpoint itself, …/v1/traces), when enabled. */
  readonly url?: string;
}

/** Large enough for a burst of a busy agent (the SDK default, 2048, dropped most of a 10k burst). */
export const DEFAULT_MAX_QUEUE_SIZE = 16_384;

/**
 * Tracing is on when an OTLP endpoint is configured (`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or
 * `OTEL_EXPORTER_OTLP_ENDPOINT`), unless `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none`.
 * Only OTLP is supported as exporter; anything else is refused by name.
 */
export function tracingConfig(env: NodeJS.ProcessEnv): TracingConfig {
  const queue = queueSize(env['OTEL_BSP_MAX_QUEUE_SIZE']);
  const off = (reason: string): TracingConfig => ({ enabled: false, reason, maxQueueSize: queue });
  if ((env['OTEL_SDK_DISABLED'] ?? '').toLowerCase() === 'true')
    return off('OTEL_SDK_DISABLED=true');
  const exporter = (env['OTEL_TRACES_EXPORTER'] ?? 'otlp').trim().toLowerCase();
  if (exporter === 'none') return off('OTEL_TRACES_EXPORTER=none');
  if (exporter !== 'otlp') {
    throw new TelemetryConfigError(
      'OTEL_TRACES_EXPORTER',
      `only "otlp" (protobuf over HTTP) or "none" are supported, got "${exporter}"`,
    );
  }
  const endpoint = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] ?? env['OTEL_EXPORTER_OTLP_ENDPOINT'];
  if (!endpoint) return off('no OTEL_EXPORTER_OTLP_ENDPOINT configured');
  if (!/^https?:\/\/\S+$/.test(endpoint)) {
    throw new TelemetryConfigError(
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      `"${endpoint}" is not an http(s) URL`,
    );
  }
  // The signal-specific variable is the full URL; the generic one is a base the path is added to.
  const url =
    env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] ?? `${endpoint.replace(/\/+$/, '')}/v1/traces`;
  return { enabled: true, reason: `exporting to ${url}`, maxQueueSize: queue, url };
}

/** A telemetry variable is invalid; names it. */
export class TelemetryConfigError extends Error {
  readonly code = 'TELEMETRY_CONFIG_INVALID';

  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'TelemetryConfigError';
  }
}

function queueSize(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_MAX_QUEUE_SIZE;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new TelemetryConfigError(
      'OTEL_BSP_MAX_QUEUE_SIZE',
      `must be a positive integer, got "${raw}"`,
    );
  }
  return value;
}
