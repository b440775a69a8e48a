/**
 * English phrases of answering-machine and carrier greetings. Extend it per campaign through
 * `PerceptionThresholds.voicemailPhrases` (e.g. `[...VOICEMAIL_GREETING_PHRASES, 'laissez un message']`).
 * Phrases are chosen to be rare in a live buyer's first sentences; "please leave" alone is not one
 * ("please leave me alone").
 */
export const VOICEMAIL_GREETING_PHRASES: readonly string[] = Object.freeze([
  "you've reached",
  'you have reached',
  'leave a message',
  'leave your message',
  'leave me a message',
  'leave us a message',
  'after the tone',
  'after the beep',
  'at the tone',
  'at the beep',
  'sound of the tone',
  'record your message',
  'when you have finished recording',
  'is not available',
  "isn't available",
  'not available to take your call',
  'unable to take your call',
  "can't take your call",
  'cannot take your call',
  "can't come to the phone",
  'cannot come to the phone',
  'the person you are calling',
  "the person you're calling",
  'the number you have dialed',
  'the subscriber you',
  'mailbox',
  'voicemail',
  'voice mail',
]);

/** True when `text` contains one of `phrases` as whole words (case, punctuation and curly quotes ignored). */
export function isVoicemailGreeting(text: string, phrases: readonly string[]): boolean {
  const spoken = ` ${normalise(text)} `;
  return phrases.some((phrase) => {
    const wanted = normalise(phrase);
    return wanted !== '' && spoken.includes(` ${wanted} `);
  });
}

// ASR output varies in case, punctuation and apostrophe style; compare words only.
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .replace(/(^| )'+|'+(?= |$)/g, '$1')
    .trim();
}
