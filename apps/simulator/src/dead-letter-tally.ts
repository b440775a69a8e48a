// The stack's dead letters about the campaign's calls, counted by agent, reason and error code: a
// campaign that makes an agent dead-letter something has found a bug or a gap worth a look.
import { v1, type warmline } from '@warmline/contracts';

/** One kind of dead letter and how often it happened. */
export interface DeadLetterCount {
  readonly agent: string;
  /** DeadLetterReason name without prefix, e.g. VALIDATION_FAILED. */
  readonly reason: string;
  readonly errorCode: string;
  readonly count: number;
  /** The first such record's error text (cut to 300 characters) and interaction, to start from. */
  readonly example: { readonly interactionId: string; readonly error: string };
}

const EXAMPLE_CHARS = 300;

/** Counts dead letters. */
export class DeadLetterTally {
  private readonly counts = new Map<string, DeadLetterCount>();

  /** Counts the dead letter in `envelope` (other envelopes are ignored). */
  note(envelope: warmline.v1.IEnvelope): void {
    const record = envelope.deadLetter;
    if (!record) return;
    const agent = record.agent || envelope.producer?.agent || 'unknown';
    const reason = (v1.DeadLetterReason[record.reason ?? 0] ?? 'UNKNOWN').replace(
      'DEAD_LETTER_REASON_',
      '',
    );
    const errorCode = record.errorCode ?? '';
    const key = `${agent}|${reason}|${errorCode}`;
    const known = this.counts.get(key);
    this.counts.set(key, {
      agent,
      reason,
      errorCode,
      count: (known?.count ?? 0) + 1,
      example: known?.example ?? {
        interactionId: envelope.interactionId ?? '',
        error: (record.errorMessage ?? '').slice(0, EXAMPLE_CHARS),
      },
    });
  }

  /** Every kind seen, most frequent first (then by agent, reason, code). */
  list(): DeadLetterCount[] {
    return [...this.counts.values()].sort(
      (a, b) =>
        b.count - a.count ||
        a.agent.localeCompare(b.agent) ||
        a.reason.localeCompare(b.reason) ||
        a.errorCode.localeCompare(b.errorCode),
    );
  }
}

/** The dead letters as text lines for the terminal: one per kind, or one saying there were none. */
export function deadLetterLines(counts: readonly DeadLetterCount[]): string[] {
  if (counts.length === 0) return ['Stack dead letters about these calls: none'];
  return [
    'Stack dead letters about these calls:',
    ...counts.map(
      (c) =>
        `  ${String(c.count).padStart(5)}  ${c.agent}  ${c.reason}${c.errorCode ? ` ${c.errorCode}` : ''}` +
        `  (e.g. ${c.example.interactionId}: ${c.example.error.split('\n')[0] ?? ''})`,
    ),
  ];
}
