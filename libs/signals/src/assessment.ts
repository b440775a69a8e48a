import type { warmline } from '@warmline/contracts';
import type { PerceptionArrival } from './arrival.js';
import type { PerceptionContext } from './perception-context.js';
import type { PerceptionThresholds } from './thresholds.js';

/** What one event case contributes to its signal, and the context after it. */
export interface Assessment {
  readonly context: PerceptionContext;
  /** Faults the case found; ordering and voicemail faults are added by toSignals. */
  readonly faults: readonly warmline.v1.SignalFault[];
  /** 0..1: how far the event's own content can be trusted (ASR, AMD or LLM confidence; else 1). */
  readonly evidence: number;
  /** ASR confidence for speech, 0 otherwise. */
  readonly asrConfidence: number;
  /** Delay of the fact in ms, when the case knows more than the arrival lag (ASR latency). */
  readonly lagMs?: number;
}

/** Assesses one case; `null` means the event is superseded and yields no signal. */
export type CaseAssessor = (
  context: PerceptionContext,
  arrival: PerceptionArrival,
  thresholds: PerceptionThresholds,
) => Assessment | null;

const UINT32_MAX = 0xffff_ffff;

/** How late the event reached perception: received minus occurred, never negative (clock skew). */
export function arrivalLagMs(arrival: PerceptionArrival): number {
  return Math.min(UINT32_MAX, Math.max(0, Math.round(arrival.receivedAtMs - arrival.occurredAtMs)));
}
