// Questions the closer must not ask again because the buyer already answered them. Derived from
// facts only: validated markers, resolved objections and the consented time window. Plain language,
// phrased as the closer would ask, so the closer recognises the question they were about to ask.
import { v1, type warmline } from '@warmline/contracts';

const K = v1.MarkerKind;

const TIMING_QUESTION = 'When would be a good time?';

const MARKER_QUESTIONS = new Map<warmline.v1.MarkerKind, string>([
  [K.MARKER_KIND_SCOPE_CONFIRMED, 'What are you looking for?'],
  [K.MARKER_KIND_TIMING_CONSENT, TIMING_QUESTION],
  [K.MARKER_KIND_NEXT_STEP_ACCEPTED, 'Would you like to go ahead with the next step?'],
  [K.MARKER_KIND_ESCALATION_PERMISSION, 'Are you happy to speak with a specialist?'],
]);

const OBJECTION_QUESTIONS = new Map<string, string>([
  ['price', 'Is the price a concern for you?'],
  ['budget', 'What budget do you have in mind?'],
  ['contract_length', 'Are you comfortable with the contract length?'],
  ['timing', 'Is now the right time for this?'],
  ['competitor', 'Are you looking at other providers?'],
]);

/** The plain words of a lower_snake_case topic ("contract_length" -> "contract length"). */
export function topicWords(topic: string): string {
  return topic.replace(/_/g, ' ').trim();
}

/**
 * The do-not-ask list, in order: one question per validated marker (by kind), one per resolved
 * objection (in the order given), the timing question when a consent window was given; without
 * duplicates. Unknown objection topics get "Do you have any concerns about <topic>?".
 */
export function doNotAskQuestions(
  validatedKinds: readonly warmline.v1.MarkerKind[],
  resolvedTopics: readonly string[],
  hasConsentWindow: boolean,
): string[] {
  const questions = [
    ...validatedKinds.flatMap((kind) => MARKER_QUESTIONS.get(kind) ?? []),
    ...resolvedTopics
      .filter((topic) => topicWords(topic) !== '')
      .map(
        (topic) =>
          OBJECTION_QUESTIONS.get(topic) ?? `Do you have any concerns about ${topicWords(topic)}?`,
      ),
    ...(hasConsentWindow ? [TIMING_QUESTION] : []),
  ];
  return [...new Set(questions)];
}
