/**
 * What an interaction needs from a closer. Built by the router from the campaign's required skills
 * and the intent state (buyer_language, territory).
 */
export interface InteractionNeeds {
  /** Skills the closer must all have (lower_snake_case); empty = any closer. */
  readonly skills: readonly string[];
  /** The buyer's BCP 47 language, matched on the primary subtag; empty = any language. */
  readonly language: string;
  /** The buyer's territory code; empty = any territory. Closers with no territories cover all. */
  readonly territory: string;
}
