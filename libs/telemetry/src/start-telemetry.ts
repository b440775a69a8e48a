// OpenTelemetry for one agent process, set up once before the agent connects anywhere: W3C trace
// context propagation always (so traces stay whole across agents that do not export), and, when
// configured, a tracer provider exporting OTLP protobuf over HTTP in batches.
import {
  context,
  diag,
  propagation,
  trace,
  DiagLogLevel,
  type DiagLogger,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { tracingConfig } from './tracing-config.js';

/** A running telemetry set-up. */
export interface Telemetry {
  /** True when spans are exported. */
  readonly tracing: boolean;
  /** Why tracing is on or off, for the start-up log. */
  readonly description: string;
  /** Spans dropped because the export queue was full, since start. */
  droppedSpans(): number;
  /** Exports what is buffered and stops; call on shutdown. */
  shutdown(): Promise<void>;
}

export interface TelemetryOptions {
  /** The agent, e.g. "router" (service.name unless OTEL_SERVICE_NAME says otherwise). */
  readonly service: string;
  /** The replica (service.instance.id). */
  readonly instance: string;
  readonly version?: string;
  readonly env: NodeJS.ProcessEnv;
}

/** Sets up propagation and, if configured, export. Throws TelemetryConfigError for bad variables. */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  const config = tracingConfig(options.env);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  if (!config.enabled) {
    return {
      tracing: false,
      description: `tracing off (${config.reason})`,
      droppedSpans: () => 0,
      shutdown: async () => undefined,
    };
  }
  const dropped = new DroppedSpanCounter();
  diag.setLogger(dropped, DiagLogLevel.WARN);
  const resource = resourceFromAttributes({
    [ATTR_SERVICE_NAME]: options.service,
    [ATTR_SERVICE_VERSION]: options.version ?? '0.1.0',
    'service.namespace': 'warmline',
    'service.instance.id': options.instance,
  }).merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: config.url }), {
        maxQueueSize: config.maxQueueSize,
      }),
    ],
  });
  trace.setGlobalTracerProvider(provider);
  return {
    tracing: true,
    description: `tracing on (${config.reason}, queue ${config.maxQueueSize})`,
    droppedSpans: () => dropped.count,
    shutdown: async () => {
      await provider.forceFlush();
      await provider.shutdown();
    },
  };
}

// The batch processor reports drops only as a diagnostic line ("Dropped N spans because
// maxQueueSize reached"); count them so a metric can show what a silent queue would hide.
class DroppedSpanCounter implements DiagLogger {
  count = 0;

  warn(message: string): void {
    const match = /Dropped (\d+) spans/.exec(message);
    if (match) this.count += Number(match[1]);
    else process.stderr.write(`[otel] ${message}\n`);
  }

  error(message: string): void {
    process.stderr.write(`[otel] ${message}\n`);
  }

  // Below WARN the logger is never called (setLogger level); these only satisfy the interface.
  info(): void {
    return undefined;
  }
  debug(): void {
    return undefined;
  }
  verbose(): void {
    return undefined;
  }
}
