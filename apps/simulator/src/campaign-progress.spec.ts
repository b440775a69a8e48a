import {
  PeriodicProgress,
  TerminalProgress,
  progressLine,
  type ProgressSnapshot,
} from './campaign-progress.js';

const snapshot: ProgressSnapshot = {
  mode: 'warm',
  modeNumber: 1,
  modeCount: 3,
  calls: 120,
  started: 57,
  ended: 45,
  endings: { bridged: 10, booked: 3, abandoned: 2, hung_up: 30 },
  elapsedMs: 12_345,
};

describe('progressLine', () => {
  it('shows the mode, a bar of ended calls, calls in flight and how calls ended', () => {
    expect(progressLine(snapshot, 24)).toBe(
      'warm 1/3 [#########---------------] 45/120 · 12 in flight · bridged 10, booked 3, abandoned 2, hung up 30 · 12.3 s',
    );
  });

  it('fills the bar when every call ended and lists nothing that did not happen', () => {
    const done = { ...snapshot, started: 120, ended: 120, endings: {} };
    expect(progressLine(done, 10)).toBe('warm 1/3 [##########] 120/120 · 0 in flight · 12.3 s');
  });
});

describe('progress writers', () => {
  it('writes a line at most every interval, and always when a mode ends', () => {
    const lines: string[] = [];
    let now = 0;
    const progress = new PeriodicProgress(
      (line) => lines.push(line),
      () => now,
      5_000,
    );
    progress.update(snapshot);
    now = 1_000;
    progress.update(snapshot);
    now = 6_000;
    progress.update(snapshot);
    progress.modeDone(snapshot);
    expect(lines).toHaveLength(3);
  });

  it('redraws one terminal line in place and ends it when the mode is over', () => {
    let written = '';
    const out = {
      columns: 80,
      write: (text: string) => (written += text),
    } as unknown as NodeJS.WriteStream;
    const progress = new TerminalProgress(out, () => 1_000);
    progress.update(snapshot);
    progress.modeDone(snapshot);
    expect(written.startsWith('\rwarm 1/3')).toBe(true);
    expect(written.endsWith('\n')).toBe(true);
    expect(written.split('\r').every((line) => line.replace('\n', '').length <= 79)).toBe(true);
  });
});
