// Publishes events: builds the Envelope (identity, authority, ids, time), encodes it, and stores it
// in JetStream with de-duplication and trace context, returning only once the stream has it.
import { randomUUID } from 'node:crypto';
import type { JetStreamClient, PubAck } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import {
  closerSubject,
  deadLetterSubject,
  envelopeBodyCase,
  subjectFor,
  toTimestamp,
  warmline,
  type InteractionFamily,
} from '@warmline/contracts';
import type { EnvelopeSerializer } from './codec.js';
import { TYPE_HEADER } from './constants.js';
import { describe, PublishFailedError } from './errors.js';
import { envelopeAttributes } from './span-attributes.js';
import { injectTraceContext } from './trace-context.js';

/** Who publishes: fills `Envelope.producer` and `Envelope.authority`. */
export interface ProducerIdentity {
  readonly agent: string;
  readonly instance: string;
  readonly principal: string;
  readonly scopes: readonly string[];
}

/**
 * The fields a caller supplies. `producer` and the authority's principal and scopes are always this
 * agent's own; a grant may be attached. `eventId` and `occurredAt` are filled when absent.
 */
export type EnvelopeInit = Omit<warmline.v1.IEnvelope, 'producer' | 'authority'> & {
  readonly authority?: Pick<warmline.v1.IAuthority, 'grant'> | null;
};

/** The stream's acknowledgement of a publish, with what was published. */
export interface PublishReceipt extends PubAck {
  readonly subject: string;
  readonly eventId: string;
}

const tracer = trace.getTracer('@warmline/bus');

/** Publishes envelopes for one producer identity. */
export class EventPublisher {
  constructor(
    private readonly js: JetStreamClient,
    private readonly identity: ProducerIdentity,
    private readonly serializer: EnvelopeSerializer,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Publishes one event of `family` for `interactionId`; resolves with the PubAck (`duplicate` is
   * true when the stream already had this event id) and rejects with `PublishFailedError`.
   */
  async publish(
    family: InteractionFamily,
    interactionId: string,
    init: EnvelopeInit,
  ): Promise<PublishReceipt> {
    if (init.interactionId && init.interactionId !== interactionId) {
      throw new PublishFailedError(
        subjectFor(family, interactionId),
        init.eventId ?? '(none)',
        new Error(
          `envelope interaction_id "${init.interactionId}" differs from "${interactionId}"`,
        ),
      );
    }
    return this.send(subjectFor(family, interactionId), this.envelope({ ...init, interactionId }));
  }

  /**
   * Publishes a closer's presence on `wl.closer.<closer_id>` (keyed by closer, not interaction; the
   * stream keeps the latest per closer for readers that watch it).
   */
  async publishCloserPresence(
    presence: warmline.v1.ICloserPresence,
    init: Omit<EnvelopeInit, 'closerPresence' | 'interactionId'> = {},
  ): Promise<PublishReceipt> {
    const closerId = presence.closerId ?? '';
    return this.send(closerSubject(closerId), this.envelope({ ...init, closerPresence: presence }));
  }

  /**
   * Publishes a dead-letter record on `wl.dlq.<agent>`. `eventId` should be derived from the
   * failed message so retried dead-letter writes are de-duplicated.
   */
  async publishDeadLetter(
    record: warmline.v1.IDeadLetter,
    ids: { readonly eventId: string; readonly interactionId: string },
  ): Promise<PublishReceipt> {
    const envelope = this.envelope({
      eventId: ids.eventId,
      interactionId: ids.interactionId,
      deadLetter: record,
    });
    return this.send(deadLetterSubject(this.identity.agent), envelope);
  }

  /** The full envelope for `init`, stamped with this producer's identity and authority. */
  envelope(init: EnvelopeInit): warmline.v1.Envelope {
    return warmline.v1.Envelope.create({
      ...init,
      eventId: init.eventId || randomUUID(),
      occurredAt: init.occurredAt ?? toTimestamp(Date.now()),
      producer: { agent: this.identity.agent, instance: this.identity.instance },
      authority: {
        principal: this.identity.principal,
        scopes: [...this.identity.scopes],
        ...(init.authority?.grant ? { grant: init.authority.grant } : {}),
      },
    });
  }

  private async send(subject: string, envelope: warmline.v1.Envelope): Promise<PublishReceipt> {
    // Messaging semantic conventions: "<operation> <destination>", the destination as its family
    // (low cardinality), the full subject as an attribute.
    const destination = subject.split('.').slice(0, 2).join('.');
    const attributes = envelopeAttributes(envelope);
    // The handled message's span learns what its handling published (the decision, the transfer state…).
    trace.getActiveSpan()?.setAttributes(attributes);
    const span = tracer.startSpan(`publish ${destination}`, {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'nats',
        'messaging.destination.name': subject,
        'messaging.operation.type': 'publish',
        'messaging.message.id': envelope.eventId,
        ...attributes,
      },
    });
    try {
      const data = this.serializer.serialize(envelope);
      const headers = natsHeaders();
      injectTraceContext(headers, trace.setSpan(context.active(), span));
      const bodyCase = envelopeBodyCase(envelope);
      if (bodyCase) headers.set(TYPE_HEADER, bodyCase);
      const ack = await this.js.publish(subject, data, {
        msgID: envelope.eventId,
        headers,
        timeout: this.timeoutMs,
      });
      return { ...ack, subject, eventId: envelope.eventId };
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: describe(error) });
      throw new PublishFailedError(subject, envelope.eventId, error);
    } finally {
      span.end();
    }
  }
}
