// Envelope encoding: Warmline's protobuf Envelope (validated, as the bus does) against JSON of the same
// event, the format most hand-rolled buses use.
import {
  decodeEnvelope,
  encodeEnvelope,
  toTimestamp,
  v1,
  type warmline,
} from '@warmline/contracts';
import { medianOf, type BenchRow } from './measure.js';

function sampleEnvelope(i: number): warmline.v1.IEnvelope {
  return {
    eventId: `ev-${i}`,
    interactionId: `call-${i % 97}`,
    sequence: i,
    occurredAt: toTimestamp(1_764_000_000_000 + i),
    producer: { agent: 'perception', instance: 'perception-1' },
    causationId: `cause-${i}`,
    correlationId: `call-${i % 97}`,
    authority: { principal: 'agent:perception', scopes: ['signal.publish', 'deadletter.publish'] },
    signal: {
      signalId: `sig-ev-${i}`,
      sourceEventId: `ev-${i}`,
      sourceSequence: i,
      perception: {
        transcriptSegment: {
          segmentId: `seg-${i}`,
          speaker: v1.Speaker.SPEAKER_BUYER,
          text: 'Yes, the full roof replacement is exactly what I need.',
          isFinal: true,
          asrConfidence: 0.94,
          asrLatencyMs: 240,
          startOffsetMs: 5_000,
          endOffsetMs: 7_000,
        },
      },
      quality: { score: 0.94, asrConfidence: 0.94, lagMs: 240 },
    },
  };
}

/** Encode + decode round trips per second, protobuf (Warmline) vs JSON (baseline). */
export async function codecBench(runs: number, count: number): Promise<BenchRow[]> {
  const samples = Array.from({ length: 256 }, (_, i) => sampleEnvelope(i + 1));
  const protobuf = await medianOf(runs, async () => {
    const started = performance.now();
    for (let i = 0; i < count; i++) decodeEnvelope(encodeEnvelope(samples[i % samples.length]!));
    return count / ((performance.now() - started) / 1000);
  });
  const json = await medianOf(runs, async () => {
    const started = performance.now();
    for (let i = 0; i < count; i++) JSON.parse(JSON.stringify(samples[i % samples.length]!));
    return count / ((performance.now() - started) / 1000);
  });
  const protobufBytes = encodeEnvelope(samples[0]!).length;
  const jsonBytes = Buffer.byteLength(JSON.stringify(samples[0]!));
  return [
    {
      name: 'envelope encode+decode',
      unit: 'ops/s',
      baseline: json,
      warmline: protobuf,
      higherIsBetter: true,
      note: 'JSON.stringify/parse, no validation',
    },
    {
      name: 'envelope size (signal)',
      unit: 'bytes',
      baseline: jsonBytes,
      warmline: protobufBytes,
      higherIsBetter: false,
      note: 'the same event as JSON',
    },
  ];
}
