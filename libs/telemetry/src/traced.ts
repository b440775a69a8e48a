// Internal spans around the steps an operator wants to see in a handoff's trace (store writes, grant
// signing and verification, reservations, telephony commands), with Warmline's attribute names.
import { SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';

const tracer = trace.getTracer('warmline');

/** Span attribute names used across agents, so Jaeger searches work the same everywhere. */
export const ATTR = {
  interactionId: 'warmline.interaction_id',
  intentVersion: 'warmline.intent_version',
  decision: 'warmline.decision',
  decisionReasons: 'warmline.decision.reasons',
  grantId: 'warmline.grant_id',
  closerId: 'warmline.closer_id',
  transferState: 'warmline.transfer.state',
  failureReason: 'warmline.transfer.failure_reason',
  appointmentId: 'warmline.appointment_id',
} as const;

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
