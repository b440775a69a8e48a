// Metric labels from protobuf enums: the value's name without its prefix, the same words the span
// attributes and the audit trail use ("CLOSER_DECLINED", "AUTHORIZE_LIVE_TRANSFER").

/**
 * The label of `value` in the generated enum `values`, without `prefix`; '' for 0 (UNSPECIFIED,
 * which proto3 uses for "not set") and for an absent value; the number for a value this build
 * does not know.
 */
export function enumLabel(
  values: object,
  value: number | null | undefined,
  prefix: string,
): string {
  if (value == null || value === 0) return '';
  const entry = Object.entries(values).find(([, v]) => v === value);
  return entry ? entry[0].replace(prefix, '') : String(value);
}
