// One delivered message, start to finish: decode, check, handle inside the publisher's trace, settle.
import type { JsMsg } from '@nats-io/jetstream';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  envelopeBodyCase,
  familySpec,
  parseSubject,
  requiredScope,
  SUBJECT_ROOT,
  type InteractionFamily,
} from '@warmline/contracts';
import type { DeadLetterWriter } from './dead-letter.js';
import type { Delivery, Envelope, EnvelopeDecoder, EnvelopeHandler } from './delivery.js';
import type { BusObserver, SettledMessage } from './observer.js';
import { describe } from './errors.js';
import { envelopeAttributes } from './span-attributes.js';
import type { BusLogger } from './logger.js';
import type { RetryPolicy } from './retry-policy.js';
import {
  decideSettlement,
  settle,
  type DeadLetterReason,
  type DeliveryOutcome,
} from './settlement.js';
import { extractTraceContext } from './trace-context.js';

/** Everything needed to process the messages of one family. */
export interface DeliveryPipeline {
  readonly family: InteractionFamily;
  readonly decode: EnvelopeDecoder;
  readonly handler: EnvelopeHandler;
  readonly retry: RetryPolicy;
  readonly deadLetters: DeadLetterWriter;
  /** How often a running handler tells the server it is still working (0 disables). */
  readonly workingIntervalMs: number;
  readonly logger: BusLogger;
  readonly observer?: BusObserver;
}

const tracer = trace.getTracer('@warmline/bus');

/** Processes and settles one message; never throws. */
export async function processDelivery(m: JsMsg, pipeline: DeliveryPipeline): Promise<void> {
  const startedAt = performance.now();
  const outcome = await outcomeOf(m, pipeline);
  const deliveryCount = m.info.deliveryCount;
  if (outcome.kind === 'failed') {
    pipeline.logger.warn(
      `handler failed for ${m.subject} (delivery ${deliveryCount}/${pipeline.retry.maxDeliver}): ${describe(outcome.error)}`,
    );
  }
  const settlement = decideSettlement(outcome, deliveryCount, pipeline.retry);
  const action = await settle(
    m,
    settlement,
    (cause) => pipeline.deadLetters.write(m, cause),
    pipeline.retry,
    pipeline.logger,
  );
  observe(pipeline, {
    family: pipeline.family,
    action,
    ...(settlement.action === 'dead-letter' ? { reason: settlement.reason } : {}),
    durationMs: performance.now() - startedAt,
    partition: parseSubject(m.subject)?.partition ?? -1,
    pending: m.info.pending,
  });
}

function observe(pipeline: DeliveryPipeline, message: SettledMessage): void {
  try {
    pipeline.observer?.onSettled(message);
  } catch (error) {
    pipeline.logger.warn(`bus observer failed: ${describe(error)}`);
  }
}

async function outcomeOf(m: JsMsg, pipeline: DeliveryPipeline): Promise<DeliveryOutcome> {
  const address = parseSubject(m.subject);
  if (address === null || address.family !== pipeline.family) {
    return rejected(
      'VALIDATION_FAILED',
      `subject ${m.subject} is not a ${pipeline.family} subject`,
    );
  }
  let envelope: Envelope;
  try {
    envelope = pipeline.decode(m.data);
  } catch (error) {
    return rejected(
      isValidationError(error) ? 'VALIDATION_FAILED' : 'DECODE_FAILED',
      describe(error),
    );
  }
  if (envelope.interactionId !== address.interactionId) {
    return rejected(
      'VALIDATION_FAILED',
      `envelope interaction_id "${envelope.interactionId}" does not match subject ${m.subject}`,
    );
  }
  const body = envelopeBodyCase(envelope);
  const allowed = familySpec(pipeline.family)?.bodies ?? [];
  if (body === undefined || !allowed.includes(body)) {
    return rejected(
      'VALIDATION_FAILED',
      `body ${body ?? '(none)'} is not carried on ${pipeline.family} subjects (allowed: ${allowed.join(', ')})`,
    );
  }
  const scope = requiredScope(pipeline.family);
  const scopes = envelope.authority?.scopes ?? [];
  if (!scopes.includes(scope)) {
    const principal = envelope.authority?.principal || '(none)';
    return rejected(
      'SCOPE_DENIED',
      `producer ${principal} lacks scope ${scope} required on ${m.subject}`,
    );
  }
  if (m.info.deliveryCount > pipeline.retry.maxDeliver) {
    // Earlier deliveries were not settled (ack wait expired, or the dead-letter write failed).
    return rejected(
      'MAX_DELIVERIES_EXCEEDED',
      `delivery ${m.info.deliveryCount} exceeds ${pipeline.retry.maxDeliver}; earlier deliveries were not settled in time`,
    );
  }
  const delivery: Delivery = {
    subject: m.subject,
    family: pipeline.family,
    partition: address.partition,
    interactionId: address.interactionId,
    deliveryCount: m.info.deliveryCount,
    streamSequence: m.seq,
    headers: m.headers,
  };
  return runHandler(m, envelope, delivery, pipeline);
}

/** Runs the handler as a consumer span in the publisher's trace, keeping the message alive meanwhile. */
async function runHandler(
  m: JsMsg,
  envelope: Envelope,
  delivery: Delivery,
  pipeline: DeliveryPipeline,
): Promise<DeliveryOutcome> {
  const parent = extractTraceContext(m.headers);
  const span = tracer.startSpan(
    `process ${SUBJECT_ROOT}.${pipeline.family}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'nats',
        'messaging.destination.name': delivery.subject,
        'messaging.operation.type': 'process',
        'messaging.message.id': envelope.eventId,
        'warmline.delivery_count': delivery.deliveryCount,
        ...envelopeAttributes(envelope),
      },
    },
    parent,
  );
  const heartbeat = startWorkingHeartbeat(m, pipeline.workingIntervalMs);
  try {
    await context.with(trace.setSpan(parent, span), () => pipeline.handler(envelope, delivery));
    return { kind: 'handled' };
  } catch (error) {
    span.recordException(error instanceof Error ? error : new Error(describe(error)));
    span.setStatus({ code: SpanStatusCode.ERROR, message: describe(error) });
    return { kind: 'failed', error };
  } finally {
    clearInterval(heartbeat);
    span.end();
  }
}

function startWorkingHeartbeat(
  m: JsMsg,
  intervalMs: number,
): ReturnType<typeof setInterval> | undefined {
  if (intervalMs <= 0) return undefined;
  return setInterval(() => {
    try {
      m.working();
    } catch {
      // A lost heartbeat only risks a redelivery after the ack wait; the handler carries on.
    }
  }, intervalMs);
}

function rejected(reason: DeadLetterReason, error: string): DeliveryOutcome {
  return { kind: 'rejected', reason, error };
}

// Contract errors carry a stable code; a custom decoder may throw anything else (→ DECODE_FAILED).
function isValidationError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'VALIDATION_FAILED'
  );
}
