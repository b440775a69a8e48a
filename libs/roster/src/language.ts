// Language matching is by primary subtag: a closer who speaks "es" can take an "es-MX" buyer and a
// closer listed as "es-MX" can take an "es" buyer. Regional variants are close enough for a sales
// call; a campaign that needs more can express it as a skill.

/** The primary subtag of a BCP 47 tag, lower case ("es-MX" -> "es"). */
export function primaryLanguage(tag: string): string {
  return (tag.split(/[-_]/)[0] ?? '').trim().toLowerCase();
}

/** True when one of `spoken` shares the primary subtag of `wanted`; an empty `wanted` always matches. */
export function speaksLanguage(spoken: readonly string[], wanted: string): boolean {
  const primary = primaryLanguage(wanted);
  if (primary === '') return true;
  return spoken.some((tag) => primaryLanguage(tag) === primary);
}
