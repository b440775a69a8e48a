// Sequences the sequencer moved past without having seen them, kept as inclusive ranges in
// ascending order so that a gap of any size costs one entry.

/** An inclusive range of sequence numbers, `from <= to`. */
export interface SequenceRange {
  readonly from: number;
  readonly to: number;
}

/** True when `sequence` lies in one of `ranges`. */
export function isSkipped(ranges: readonly SequenceRange[], sequence: number): boolean {
  return ranges.some((range) => range.from <= sequence && sequence <= range.to);
}

/** `ranges` plus `range` (above all of them), keeping at most `max` of the newest ranges. */
export function addSkipped(
  ranges: readonly SequenceRange[],
  range: SequenceRange,
  max: number,
): SequenceRange[] {
  return newest([...ranges, range], max);
}

/** `ranges` without `sequence` (a late event arrived for it), keeping at most `max` ranges. */
export function removeSkipped(
  ranges: readonly SequenceRange[],
  sequence: number,
  max: number,
): SequenceRange[] {
  const remaining = ranges.flatMap((range) => {
    if (sequence < range.from || sequence > range.to) return [range];
    const parts: SequenceRange[] = [];
    if (range.from < sequence) parts.push({ from: range.from, to: sequence - 1 });
    if (sequence < range.to) parts.push({ from: sequence + 1, to: range.to });
    return parts;
  });
  return newest(remaining, max);
}

// The oldest gaps are the least likely to be filled; forgetting them bounds the state.
function newest(ranges: SequenceRange[], max: number): SequenceRange[] {
  return ranges.length > max ? ranges.slice(ranges.length - max) : ranges;
}
