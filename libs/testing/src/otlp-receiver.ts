// A real OTLP/HTTP trace receiver for tests, standing in for Jaeger's OTLP port: it accepts
// ExportTraceServiceRequest protobuf on POST /v1/traces and decodes it with the protobuf code the
// OpenTelemetry JS project generated from the official opentelemetry-proto definitions.
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);

interface OtlpRoot {
  opentelemetry: {
    proto: {
      collector: {
        trace: {
          v1: {
            ExportTraceServiceRequest: {
              decode(bytes: Uint8Array): unknown;
              toObject(message: unknown, options: Record<string, unknown>): RawRequest;
            };
          };
        };
      };
    };
  };
}

interface RawAttribute {
  key: string;
  value?: {
    stringValue?: string;
    intValue?: string | number;
    boolValue?: boolean;
    doubleValue?: number;
  };
}

interface RawRequest {
  resourceSpans?: Array<{
    resource?: { attributes?: RawAttribute[] };
    scopeSpans?: Array<{
      scope?: { name?: string };
      spans?: Array<{
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind: string | number;
        attributes?: RawAttribute[];
        status?: { code?: string | number; message?: string };
        links?: Array<{ traceId: string; spanId: string }>;
      }>;
    }>;
  }>;
}

/** One received span, flattened. */
export interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: string;
  readonly service: string;
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
  /** 'STATUS_CODE_UNSET' | 'STATUS_CODE_OK' | 'STATUS_CODE_ERROR'. */
  readonly status: string;
}

export interface OtlpReceiver {
  /** Base endpoint for OTEL_EXPORTER_OTLP_ENDPOINT (http://127.0.0.1:<port>). */
  readonly endpoint: string;
  /** Every span received so far. */
  spans(): readonly ReceivedSpan[];
  /** Export requests that could not be decoded. */
  failures(): readonly string[];
  stop(): Promise<void>;
}

const root = require('otlp-proto-decoder/build/src/generated/root.js') as OtlpRoot;
const Request = root.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

/** Starts the receiver on a free loopback port. */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const received: ReceivedSpan[] = [];
  const failures: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces') {
        res.writeHead(404).end();
        return;
      }
      try {
        received.push(...flatten(decode(Buffer.concat(chunks))));
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      } catch (err) {
        failures.push(String(err));
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans: () => received,
    failures: () => failures,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function decode(bytes: Uint8Array): RawRequest {
  return Request.toObject(Request.decode(bytes), { longs: String, enums: String, bytes: String });
}

function flatten(request: RawRequest): ReceivedSpan[] {
  return (request.resourceSpans ?? []).flatMap((rs) => {
    const service = String(attributesOf(rs.resource?.attributes)['service.name'] ?? '');
    return (rs.scopeSpans ?? []).flatMap((ss) =>
      (ss.spans ?? []).map((span) => ({
        traceId: hex(span.traceId),
        spanId: hex(span.spanId),
        parentSpanId: span.parentSpanId ? hex(span.parentSpanId) : '',
        name: span.name,
        kind: String(span.kind),
        service,
        attributes: attributesOf(span.attributes),
        status: String(span.status?.code ?? 'STATUS_CODE_UNSET'),
      })),
    );
  });
}

function attributesOf(list: RawAttribute[] | undefined): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const { key, value } of list ?? []) {
    const v = value?.stringValue ?? value?.intValue ?? value?.boolValue ?? value?.doubleValue;
    if (v !== undefined)
      out[key] =
        typeof v === 'string' && /^-?\d+$/.test(v) && value?.intValue !== undefined ? Number(v) : v;
  }
  return out;
}

// bytes: String renders base64; trace ids are shown as hex everywhere else (Jaeger, traceparent).
function hex(base64: string): string {
  return Buffer.from(base64, 'base64').toString('hex');
}
