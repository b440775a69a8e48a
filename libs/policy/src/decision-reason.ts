// DecisionReasons as the governor writes them: a code, the marker concerned (UNSPECIFIED otherwise)
// and a detail a person reads in the audit trail ("readiness 0.42 < 0.70 (live transfer)").
import { v1, type warmline } from '@warmline/contracts';

/** A reason with its code, marker kind (always set) and detail (always set). */
export type DecisionReason = Required<
  Pick<warmline.v1.IDecisionReason, 'code' | 'markerKind' | 'detail'>
>;

/** A reason; `markerKind` only for marker reasons. */
export function reason(
  code: warmline.v1.DecisionReasonCode,
  detail: string,
  markerKind: warmline.v1.MarkerKind = v1.MarkerKind.MARKER_KIND_UNSPECIFIED,
): DecisionReason {
  return { code, markerKind, detail };
}

/** `reasons` without repeats (the same fact found by two rules is listed once), in first-seen order. */
export function distinctReasons(reasons: readonly DecisionReason[]): DecisionReason[] {
  const seen = new Set<string>();
  return reasons.filter((item) => {
    const key = `${item.code}|${item.markerKind}|${item.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * "a < b" / "a ≥ b" with enough decimals that the two numbers read differently: 0.695 against 0.7
 * prints "0.695 < 0.700", never the puzzling "0.70 < 0.70".
 */
export function compared(value: number, relation: '<' | '>' | '≥' | '≤', bound: number): string {
  let digits = 2;
  while (digits < 6 && value !== bound && value.toFixed(digits) === bound.toFixed(digits)) digits++;
  return `${value.toFixed(digits)} ${relation} ${bound.toFixed(digits)}`;
}
