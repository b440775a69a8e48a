// Internal spans around the steps an operator wants to see in a handoff's trace (store writes, grant
// signing and verification, reservations, telephony commands), with Warmline's attribute names.
import { SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import { SPAN_ATTRIBUTES } from '@warmline/contracts';

const tracer = trace.getTracer('warmline');

/** Span attribute names used across agents (the operators' contract, from @warmline/contracts). */
export const ATTR = SPAN_ATTRIBUTES;

/**
 * Runs `fn` inside a child span named `name`. A thrown error marks the span as an error unless
 * `isExpected(error)` says it is an ordinary outcome (a refused grant, a declined closer).
 */
export async function traced<T>(
  name: string,
  attributes: Attributes,
  fn: (span: Span) => Promise<T> | T,
  isExpected: (error: unknown) => boolean = () => false,
): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      if (!isExpected(error)) {
        span.recordException(error instanceof Error ? error : new Error(String(error)));
        span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
      } else {
        span.setAttribute(
          'warmline.outcome',
          error instanceof Error ? error.message : String(error),
        );
      }
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Adds attributes to the span of the message being handled (the bus's consumer span). */
export function annotate(attributes: Attributes): void {
  trace.getActiveSpan()?.setAttributes(attributes);
}
