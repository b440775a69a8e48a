// Perception faults on one call's outgoing stream, in four steps, each keeping the stream sorted by
// send time: (1) insert agent faults (token limit, prompt drift) and renumber 1..n; (2) ASR lag;
// (3) duplicates; (4) reordering. Nothing is ever dropped, and no event's content changes except a
// lagging segment's asr_latency_ms. See README "Fault injection".
import type { warmline } from '@warmline/contracts';
import type { InjectedFault, OutgoingEvent } from './outgoing-event.js';
import type { Rng } from './rng.js';
import type { FaultRates } from './scenario-schema.js';

const DUPLICATE_DELAY_MS = [50, 2_000] as const;
const TOKEN_LIMITS = [8_192, 16_384, 32_768] as const;
const DRIFT_SCORE = [0.6, 0.95] as const;
const MODEL = 'gpt-4o-mini';
const DRIFTS = [
  'agent offered a discount the campaign does not allow',
  'agent promised an installation date without checking the calendar',
  'agent started discussing an unrelated product',
] as const;

/**
 * The stream with `faults` injected (rates from the scenario, draws from `rng`). Input: a call's
 * events as outgoingEvents made them (sequence 1..n, sendAt = occurredAt). Output, sorted by
 * sendAtMs: every input event at least once; inserted events; sequences contiguous 1..n over
 * distinct event ids, in occurrence order. Changed fields: `sequence` (shifted up by the events
 * inserted before it), `sendAtMs`, `faults`, and `asr_latency_ms` of lagging segments.
 */
export function injectFaults(
  events: readonly OutgoingEvent[],
  faults: FaultRates,
  rng: Rng,
): OutgoingEvent[] {
  let stream = insertAgentFaults(events, faults, rng);
  stream = lagSegments(stream, faults, rng);
  stream = duplicate(stream, faults, rng);
  return reorder(stream, faults, rng);
}

function insertAgentFaults(
  events: readonly OutgoingEvent[],
  faults: FaultRates,
  rng: Rng,
): OutgoingEvent[] {
  const inserted: { afterIndex: number; event: warmline.v1.IPerceptionEvent; id: string }[] = [];
  const prefix = events[0]?.eventId.replace(/-e\d+$/, '') ?? 'call';
  if (rng.chance(faults.tokenLimitRate)) {
    const limit = rng.pick(TOKEN_LIMITS);
    inserted.push({
      afterIndex: insertionPoint(events, rng),
      id: `${prefix}-tokens`,
      event: { tokenLimitReached: { tokensUsed: limit + rng.int(0, 400), limit, model: MODEL } },
    });
  }
  if (rng.chance(faults.promptDriftRate)) {
    inserted.push({
      afterIndex: insertionPoint(events, rng),
      id: `${prefix}-drift`,
      event: {
        promptDrift: {
          score: Math.round(rng.between(DRIFT_SCORE[0], DRIFT_SCORE[1]) * 1000) / 1000,
          description: rng.pick(DRIFTS),
        },
      },
    });
  }
  if (inserted.length === 0) return [...events];
  const merged: Omit<OutgoingEvent, 'sequence'>[] = [];
  events.forEach((original, i) => {
    merged.push(original);
    for (const extra of inserted.filter((x) => x.afterIndex === i)) {
      const next = events[i + 1];
      const at =
        next === undefined
          ? original.occurredAtMs + 500
          : Math.round(rng.between(original.occurredAtMs, next.occurredAtMs));
      merged.push({
        eventId: extra.id,
        occurredAtMs: at,
        sendAtMs: at,
        event: extra.event,
        tags: [],
        faults: ['inserted'],
      });
    }
  });
  // Renumber in occurrence order; sendAt order equals it at this step.
  return merged
    .map((event, i) => ({ event, i }))
    .sort((a, b) => a.event.occurredAtMs - b.event.occurredAtMs || a.i - b.i)
    .map(({ event }, i) => ({ ...event, sequence: i + 1 }));
}

// After the answer (the first two events), so the agent's LLM has had something to do.
function insertionPoint(events: readonly OutgoingEvent[], rng: Rng): number {
  return events.length <= 2 ? events.length - 1 : rng.int(1, events.length - 1);
}

function lagSegments(stream: OutgoingEvent[], faults: FaultRates, rng: Rng): OutgoingEvent[] {
  const lagged = stream.map((outgoing) => {
    const segment = outgoing.event.transcriptSegment;
    if (segment == null || !rng.chance(faults.asrLagRate)) return outgoing;
    const latency = segment.asrLatencyMs ?? 0;
    if (faults.asrLagMs <= latency) return outgoing;
    return {
      ...outgoing,
      event: {
        ...outgoing.event,
        transcriptSegment: { ...segment, asrLatencyMs: faults.asrLagMs },
      },
      sendAtMs: outgoing.sendAtMs + (faults.asrLagMs - latency),
      faults: withFault(outgoing, 'asr_lag'),
    };
  });
  return bySendTime(lagged);
}

function duplicate(stream: OutgoingEvent[], faults: FaultRates, rng: Rng): OutgoingEvent[] {
  const copies = stream.flatMap((outgoing) =>
    rng.chance(faults.duplicateRate)
      ? [
          {
            ...outgoing,
            sendAtMs: outgoing.sendAtMs + rng.int(DUPLICATE_DELAY_MS[0], DUPLICATE_DELAY_MS[1]),
            faults: withFault(outgoing, 'duplicate'),
          },
        ]
      : [],
  );
  return bySendTime([...stream, ...copies]);
}

// An event picked to move is sent after the next k (1..window) events instead.
function reorder(stream: OutgoingEvent[], faults: FaultRates, rng: Rng): OutgoingEvent[] {
  const out = [...stream];
  const moved = new Set<OutgoingEvent>();
  for (let i = 0; i < out.length - 1; i++) {
    const outgoing = out[i] as OutgoingEvent;
    if (moved.has(outgoing) || !rng.chance(faults.reorderRate)) continue;
    const to = Math.min(out.length - 1, i + rng.int(1, faults.reorderWindow));
    const landing = out[to] as OutgoingEvent;
    const shifted = {
      ...outgoing,
      sendAtMs: landing.sendAtMs,
      faults: withFault(outgoing, 'reordered'),
    };
    out.splice(i, 1);
    out.splice(to, 0, shifted);
    moved.add(shifted);
    i -= 1;
  }
  return out;
}

function withFault(outgoing: OutgoingEvent, fault: InjectedFault): InjectedFault[] {
  return outgoing.faults.includes(fault) ? [...outgoing.faults] : [...outgoing.faults, fault];
}

function bySendTime(stream: OutgoingEvent[]): OutgoingEvent[] {
  return stream
    .map((outgoing, i) => ({ outgoing, i }))
    .sort((a, b) => a.outgoing.sendAtMs - b.outgoing.sendAtMs || a.i - b.i)
    .map(({ outgoing }) => outgoing);
}

/**
 * The fault names of one call, for CallOutcome.faults: "amd_<error>" for the plan's AMD error, then
 * each kind of fault the stream carries, in the order inserted, asr_lag, duplicate, reordered.
 */
export function faultNamesOf(
  plan: { readonly amdError: string | null },
  stream: readonly OutgoingEvent[],
): string[] {
  const kinds: InjectedFault[] = ['inserted', 'asr_lag', 'duplicate', 'reordered'];
  return [
    ...(plan.amdError === null ? [] : [`amd_${plan.amdError}`]),
    ...kinds.filter((kind) => stream.some((outgoing) => outgoing.faults.includes(kind))),
  ];
}
