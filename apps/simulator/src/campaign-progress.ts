// Progress on stderr while a campaign runs: a bar redrawn in place on a terminal, a plain line every
// few seconds otherwise (CI logs), nothing with --no-progress.
import type { SimulationMode } from '@warmline/simulation';
import type { EndingKind } from './call-outcome-of.js';

/** Where one mode of the campaign stands. */
export interface ProgressSnapshot {
  readonly mode: SimulationMode;
  /** 1-based position of the mode in the run, and how many modes run. */
  readonly modeNumber: number;
  readonly modeCount: number;
  /** Calls of this mode. */
  readonly calls: number;
  readonly started: number;
  readonly ended: number;
  /** Ended calls by how they ended. */
  readonly endings: Readonly<Partial<Record<EndingKind, number>>>;
  /** Wall ms since the mode started. */
  readonly elapsedMs: number;
}

/** Receives progress. */
export interface CampaignProgress {
  update(snapshot: ProgressSnapshot): void;
  /** The mode is over (its last snapshot). */
  modeDone(snapshot: ProgressSnapshot): void;
}

const ENDING_LABELS: readonly [EndingKind, string][] = [
  ['bridged', 'bridged'],
  ['booked', 'booked'],
  ['returned', 'to AI'],
  ['unavailable', 'no slot'],
  ['abandoned', 'abandoned'],
  ['hung_up', 'hung up'],
  ['timed_out', 'timed out'],
];

/**
 * One line of progress: `warm 1/3 [######------] 45/120 · 12 in flight · bridged 10, booked 3 ·
 * 12.3 s`. Only endings that happened are listed.
 */
export function progressLine(snapshot: ProgressSnapshot, barWidth = 24): string {
  const done = snapshot.calls === 0 ? 1 : snapshot.ended / snapshot.calls;
  const filled = Math.round(done * barWidth);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`;
  const endings = ENDING_LABELS.flatMap(([kind, label]) => {
    const n = snapshot.endings[kind] ?? 0;
    return n > 0 ? [`${label} ${n}`] : [];
  }).join(', ');
  const parts = [
    `${snapshot.mode} ${snapshot.modeNumber}/${snapshot.modeCount} ${bar} ${snapshot.ended}/${snapshot.calls}`,
    `${snapshot.started - snapshot.ended} in flight`,
    ...(endings === '' ? [] : [endings]),
    `${(snapshot.elapsedMs / 1000).toFixed(1)} s`,
  ];
  return parts.join(' · ');
}

/** Redraws one line in place on a terminal, at most every `intervalMs`. */
export class TerminalProgress implements CampaignProgress {
  private lastDrawnAt = 0;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly now: () => number = Date.now,
    private readonly intervalMs = 100,
  ) {}

  update(snapshot: ProgressSnapshot): void {
    const now = this.now();
    if (now - this.lastDrawnAt < this.intervalMs) return;
    this.lastDrawnAt = now;
    this.draw(snapshot);
  }

  modeDone(snapshot: ProgressSnapshot): void {
    this.draw(snapshot);
    this.out.write('\n');
  }

  private draw(snapshot: ProgressSnapshot): void {
    const width = Math.max(20, (this.out.columns || 100) - 1);
    this.out.write(`\r${progressLine(snapshot).slice(0, width).padEnd(width)}`);
  }
}

/** Writes a progress line every `intervalMs` and when a mode ends (for logs, not terminals). */
export class PeriodicProgress implements CampaignProgress {
  private lastWrittenAt: number | null = null;

  constructor(
    private readonly write: (line: string) => void,
    private readonly now: () => number = Date.now,
    private readonly intervalMs = 5_000,
  ) {}

  update(snapshot: ProgressSnapshot): void {
    const now = this.now();
    if (this.lastWrittenAt !== null && now - this.lastWrittenAt < this.intervalMs) return;
    this.lastWrittenAt = now;
    this.write(progressLine(snapshot));
  }

  modeDone(snapshot: ProgressSnapshot): void {
    this.lastWrittenAt = null;
    this.write(progressLine(snapshot));
  }
}
