import type { SchedulingCloser } from './closer.js';

/** What the buyer needs of a closer. Empty or absent fields do not constrain. */
export interface CloserNeeds {
  /** Every one of these skills (exact, lower_snake_case). */
  readonly skills?: readonly string[];
  /** BCP 47 tag of the buyer; a closer speaking any tag with the same primary subtag suits. */
  readonly language?: string;
  /** The buyer's territory; a closer with no territories covers all. */
  readonly territory?: string;
}

/** True when the closer has the skills, language and territory the buyer needs. */
export function closerSuits(closer: SchedulingCloser, needs: CloserNeeds): boolean {
  const skills = needs.skills ?? [];
  if (!skills.every((skill) => closer.skills.includes(skill))) return false;
  const language = needs.language;
  if (language && !closer.languages.some((tag) => sameLanguage(tag, language))) return false;
  if (needs.territory && closer.territories.length > 0) {
    return closer.territories.includes(needs.territory);
  }
  return true;
}

function sameLanguage(a: string, b: string): boolean {
  return primarySubtag(a) !== '' && primarySubtag(a) === primarySubtag(b);
}

// BCP 47 tags are case-insensitive; "en-US", "EN_us" and "en" share the primary subtag "en".
function primarySubtag(tag: string): string {
  return (tag.trim().split(/[-_]/)[0] ?? '').toLowerCase();
}
