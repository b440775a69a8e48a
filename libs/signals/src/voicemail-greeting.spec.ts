import { VOICEMAIL_GREETING_PHRASES, isVoicemailGreeting } from './voicemail-greeting.js';

const isGreeting = (text: string) => isVoicemailGreeting(text, VOICEMAIL_GREETING_PHRASES);

describe('isVoicemailGreeting', () => {
  it.each([
    "Hi, you've reached the Garcias.",
    'YOU HAVE REACHED 555 0100',
    'Please leave a message after the tone.',
    'Leave your message at the beep',
    'Sorry, Dana is not available right now.',
    'The person you’re calling cannot take your call',
    'The mailbox is full and cannot accept messages.',
    'Welcome to the voicemail of Alex',
  ])('hears a greeting in %p', (text) => {
    expect(isGreeting(text)).toBe(true);
  });

  it.each([
    'Yes, that works for us.',
    "I'm not available on Tuesday.",
    'Please leave me alone.',
    'I reached out last week.',
    'Check the voicemails later', // "voicemails" is another word
    '',
  ])('hears no greeting in %p', (text) => {
    expect(isGreeting(text)).toBe(false);
  });

  it('matches whole words only and ignores empty phrases', () => {
    expect(isVoicemailGreeting('my mailboxes', ['mailbox'])).toBe(false);
    expect(isVoicemailGreeting('anything', ['', '  '])).toBe(false);
    expect(isVoicemailGreeting("'mailbox'", ['mailbox'])).toBe(true);
  });
});
