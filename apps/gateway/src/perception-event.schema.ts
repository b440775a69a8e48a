// The JSON of a perception event, in the protobuf JSON mapping of warmline.v1.PerceptionEvent: the
// envelope fields a source owns (event id, sequence, time) and exactly one event case, camelCase,
// enums by name. These schemas check shapes and types (and feed the OpenAPI document); the rules
// themselves are @warmline/signals' validatePerceptionEvent, the ones perception applies. A field
// whose zero value is legal is optional, as protobuf JSON printers leave zero values out.
import { v1 } from '@warmline/contracts';
import { z } from 'zod';
import { enumSchema } from './enum-names.js';
import { fractionField, idField, instantField, textField, uint32Field } from './json-fields.js';

const speaker = (what: string) =>
  enumSchema(v1.Speaker, 'SPEAKER_', `${what}: SPEAKER_BUYER or SPEAKER_AGENT (or BUYER, AGENT…)`);

const CallStarted = z
  .strictObject({
    campaignId: idField('Campaign of the call (selects the escalation policy)'),
    buyerLanguage: textField('BCP 47 language of the buyer, e.g. "en-US"', 64),
    timeZone: textField('IANA time zone of the buyer, e.g. "America/Chicago"', 64),
    direction: enumSchema(v1.CallDirection, 'CALL_DIRECTION_', 'INBOUND or OUTBOUND'),
    territory: textField('Sales territory, e.g. "US-TX"', 64).optional(),
    leadId: textField("The buyer's CRM / lead id", 256).optional(),
    platform: textField('Voice platform, e.g. "livekit", "twilio"', 64).optional(),
  })
  .meta({ id: 'CallStarted', description: 'The call session began.' });

const CallAnswered = z
  .strictObject({ ringDurationMs: uint32Field('How long it rang, ms').optional() })
  .meta({ id: 'CallAnswered', description: 'The far end picked up.' });

const AnsweringMachineResult = z
  .strictObject({
    result: enumSchema(
      v1.AmdResult,
      'AMD_RESULT_',
      'HUMAN, MACHINE_START, MACHINE_END_BEEP, MACHINE_END_SILENCE, MACHINE_END_OTHER, FAX or UNKNOWN',
    ),
    confidence: fractionField('Detector confidence').optional(),
    detectionMs: uint32Field('How long detection took after answer, ms').optional(),
  })
  .meta({ id: 'AnsweringMachineResult', description: 'Answering-machine detection finished.' });

const TranscriptSegment = z
  .strictObject({
    segmentId: idField('Utterance id; partials and the final of one utterance share it'),
    speaker: speaker('Who spoke'),
    text: textField('Recognised text (not empty on a final segment)', 16_384).optional(),
    isFinal: z.boolean().meta({ description: 'True for the final hypothesis' }).optional(),
    asrConfidence: fractionField('ASR confidence').optional(),
    asrLatencyMs: uint32Field('End of speech to this result, ms').optional(),
    startOffsetMs: uint32Field('Start, ms since answer').optional(),
    endOffsetMs: uint32Field('End, ms since answer (>= startOffsetMs)').optional(),
    language: textField('BCP 47 language ASR detected', 64).optional(),
    revision: uint32Field('Hypothesis revision, 0 first').optional(),
  })
  .meta({ id: 'TranscriptSegment', description: 'A partial or final piece of transcript.' });

const Interruption = z
  .strictObject({
    by: speaker('Who interrupted (SYSTEM allowed)'),
    interruptedSegmentId: idField('segmentId of the utterance cut off'),
    offsetMs: uint32Field('When it began, ms since answer').optional(),
    overlapMs: uint32Field('How long both spoke, ms').optional(),
  })
  .meta({ id: 'Interruption', description: 'Someone talked over someone else.' });

const Silence = z
  .strictObject({
    durationMs: uint32Field('Length of the silence, ms (> 0)'),
    offsetMs: uint32Field('When it began, ms since answer').optional(),
  })
  .meta({ id: 'Silence', description: 'Nobody spoke for a while.' });

const CallTimeout = z
  .strictObject({
    elapsedMs: uint32Field('How long the call lasted, ms').optional(),
    limitMs: uint32Field('The limit hit, ms (> 0)'),
  })
  .meta({ id: 'CallTimeout', description: 'A call limit was hit.' });

const HangUp = z
  .strictObject({
    by: speaker('Who hung up (SYSTEM for the network / platform)'),
    reason: textField('Platform-specific reason, e.g. "486 Busy Here"', 256).optional(),
  })
  .meta({ id: 'HangUp', description: 'A party ended the call.' });

const TokenLimitReached = z
  .strictObject({
    tokensUsed: uint32Field('Tokens used').optional(),
    limit: uint32Field('The limit (> 0)'),
    model: textField('Model name', 128).optional(),
  })
  .meta({ id: 'TokenLimitReached', description: "The voice agent's LLM ran out of context." });

const PromptDrift = z
  .strictObject({
    score: fractionField('Drift score (1 = completely off-script)').optional(),
    description: textField('What drifted', 1_024).optional(),
  })
  .meta({ id: 'PromptDrift', description: "The voice agent's behaviour drifted from its prompt." });

const StructuredAssertion = z
  .strictObject({
    toolCallId: textField('The LLM tool call id', 256).optional(),
    model: textField('Model that produced it', 128).optional(),
    markerKind: enumSchema(
      v1.MarkerKind,
      'MARKER_KIND_',
      'Marker claimed (a marker claim): SCOPE_CONFIRMED, TIMING_CONSENT, NEXT_STEP_ACCEPTED, ESCALATION_PERMISSION',
    ).optional(),
    markerStatus: enumSchema(
      v1.MarkerStatus,
      'MARKER_STATUS_',
      'Status asserted (a marker claim): ABSENT, EXPLORATORY, VALIDATED, REVOKED',
    ).optional(),
    objectionTopic: textField(
      'Objection topic, lower_snake_case (an objection claim)',
      64,
    ).optional(),
    objectionStatus: enumSchema(
      v1.ObjectionStatus,
      'OBJECTION_STATUS_',
      'RAISED or RESOLVED (an objection claim)',
    ).optional(),
    buyerQuote: textField("The buyer's words the claim rests on", 4_096).optional(),
    confidence: fractionField("The model's confidence").optional(),
    segmentIds: z.array(idField('A transcript segmentId')).max(100).optional(),
    resolution: textField('How a resolved objection was resolved', 1_024).optional(),
  })
  .meta({
    id: 'StructuredAssertion',
    description:
      'A claim about intent from the voice agent LLM: a marker claim or an objection claim.',
  });

/** The event cases, in PerceptionEvent field order; exactly one is set per event. */
export const PERCEPTION_CASE_SCHEMAS = {
  callStarted: CallStarted,
  callAnswered: CallAnswered,
  answeringMachineResult: AnsweringMachineResult,
  transcriptSegment: TranscriptSegment,
  interruption: Interruption,
  silence: Silence,
  callTimeout: CallTimeout,
  hangUp: HangUp,
  tokenLimitReached: TokenLimitReached,
  promptDrift: PromptDrift,
  structuredAssertion: StructuredAssertion,
} as const;

/** Name of one event case, e.g. "transcriptSegment". */
export type PerceptionCaseName = keyof typeof PERCEPTION_CASE_SCHEMAS;

export const PERCEPTION_CASE_NAMES = Object.keys(PERCEPTION_CASE_SCHEMAS) as PerceptionCaseName[];

const caseFields = Object.fromEntries(
  PERCEPTION_CASE_NAMES.map((name) => [name, PERCEPTION_CASE_SCHEMAS[name].optional()]),
) as { [K in PerceptionCaseName]: z.ZodOptional<(typeof PERCEPTION_CASE_SCHEMAS)[K]> };

/** One perception event as a source sends it. */
export const PerceptionEventSchema = z
  .strictObject({
    eventId: idField('Globally unique event id; a repeat of an accepted id is a duplicate'),
    sequence: uint32Field(
      "The source's per-interaction sequence, 1, 2, 3…; 0 or absent for a source that cannot number its events",
    ).optional(),
    occurredAt: instantField('When the fact happened (not when it was sent)'),
    interactionId: idField('Optional; when present it must equal the path').optional(),
    ...caseFields,
  })
  .superRefine((event, ctx) => {
    const set = PERCEPTION_CASE_NAMES.filter((name) => event[name] !== undefined);
    if (set.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['event'],
        message: `exactly one of ${PERCEPTION_CASE_NAMES.join(', ')} must be set, got ${set.length === 0 ? 'none' : set.join(', ')}`,
      });
    }
  })
  .meta({
    id: 'PerceptionEvent',
    description:
      'One perception event: eventId, sequence, occurredAt and exactly one event case (protobuf JSON mapping of warmline.v1.PerceptionEvent).',
  });

/** A perception event as validated by the schema. */
export type PerceptionEventJson = z.infer<typeof PerceptionEventSchema>;

/** Most events one request may carry. */
export const MAX_BATCH_EVENTS = 100;

/** Several events of one interaction, published in the order given. */
export function perceptionBatchSchema(maxEvents: number) {
  return z.strictObject({ events: z.array(PerceptionEventSchema).min(1).max(maxEvents) }).meta({
    id: 'PerceptionEventBatch',
    description: `Up to ${maxEvents} events of one interaction, published in order; validated as a whole before any is published.`,
  });
}

/** The body of POST …/events: one event or a batch. */
export function eventsBodySchema(maxEvents: number) {
  return z.union([PerceptionEventSchema, perceptionBatchSchema(maxEvents)]);
}
