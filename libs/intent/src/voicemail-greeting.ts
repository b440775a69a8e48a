// An answering machine's greeting is recognised by its phrases, in case perception did not flag the
// segment: "Hi, you've reached Sam, leave a message after the tone" must never count as a buyer's yes.
import { compiledPhraseSet } from './compiled-phrase-set.js';
import { findPhrase } from './phrase-pattern.js';
import type { PhraseSet } from './phrase-set.js';
import { sentencesOf } from './utterance.js';

/** True when `text` sounds like a voicemail greeting in `phrases`' language. */
export function isVoicemailGreeting(text: string, phrases: PhraseSet): boolean {
  const compiled = compiledPhraseSet(phrases);
  return sentencesOf(text, phrases.contractions, phrases.contrast).some((sentence) =>
    compiled.voicemailGreeting.some((pattern) => findPhrase(pattern, sentence.tokens).length > 0),
  );
}
