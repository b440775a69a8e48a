// Structured JSON logs (pino) for agents, through Nest's LoggerService so Nest, the bus and the
// agent's own code log alike. Every line carries the agent, its instance and, inside a span, the
// trace and span ids, so a log line leads to its trace in Jaeger.
import type { LoggerService } from '@nestjs/common';
import { context, trace } from '@opentelemetry/api';
import { pino, type Logger } from 'pino';

/** A Nest logger writing JSON lines to stdout. */
export class AgentLogger implements LoggerService {
  private readonly logger: Logger;

  constructor(agent: string, instance: string, level = process.env['LOG_LEVEL'] ?? 'info') {
    this.logger = pino({
      level,
      base: { agent, instance },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: traceFields,
    });
  }

  log(message: unknown, ...optional: unknown[]): void {
    this.write('info', message, optional);
  }

  error(message: unknown, ...optional: unknown[]): void {
    this.write('error', message, optional);
  }

  warn(message: unknown, ...optional: unknown[]): void {
    this.write('warn', message, optional);
  }

  debug(message: unknown, ...optional: unknown[]): void {
    this.write('debug', message, optional);
  }

  verbose(message: unknown, ...optional: unknown[]): void {
    this.write('trace', message, optional);
  }

  fatal(message: unknown, ...optional: unknown[]): void {
    this.write('fatal', message, optional);
  }

  /** Logs `message` with structured `fields`. */
  info(message: string, fields: Record<string, unknown> = {}): void {
    this.logger.info(fields, message);
  }

  private write(level: pino.Level | 'trace', message: unknown, optional: unknown[]): void {
    // Nest passes the context (class name) as the last optional argument.
    const component = typeof optional.at(-1) === 'string' ? (optional.at(-1) as string) : undefined;
    const fields: Record<string, unknown> = component ? { component } : {};
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...message });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}

function traceFields(): Record<string, string> {
  const span = trace.getSpanContext(context.active());
  return span ? { trace_id: span.traceId, span_id: span.spanId } : {};
}
