import { createHmac } from 'node:crypto';
import { isValidTwilioSignature, twilioSignature } from './twilio-signature.js';

// The example of Twilio's security documentation and its helper libraries' tests.
const TOKEN = '12345';
const URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const PARAMS = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+14158675310',
  Digits: '1234',
  From: '+14158675310',
  To: '+18005551212',
};
const EXPECTED = 'GvWf1cFY/Q7PnoempGyD5oXAezc=';

describe('twilioSignature', () => {
  it("matches Twilio's documented example", () => {
    expect(twilioSignature(TOKEN, URL, PARAMS)).toBe(EXPECTED);
  });

  it('signs each distinct value of a repeated field, sorted', () => {
    const expected = createHmac('sha1', TOKEN)
      .update('https://x.example/cbAa1Aa2B3')
      .digest('base64');
    expect(twilioSignature(TOKEN, 'https://x.example/cb', { B: '3', A: ['a2', 'a1', 'a2'] })).toBe(
      expected,
    );
  });
});

describe('isValidTwilioSignature', () => {
  it('accepts the signature for the URL with or without the default port', () => {
    expect(isValidTwilioSignature(TOKEN, EXPECTED, URL, PARAMS)).toBe(true);
    expect(
      isValidTwilioSignature(
        TOKEN,
        EXPECTED,
        'https://mycompany.com:443/myapp.php?foo=1&bar=2',
        PARAMS,
      ),
    ).toBe(true);
    const signedWithPort = twilioSignature(
      TOKEN,
      'https://mycompany.com:443/myapp.php?foo=1&bar=2',
      PARAMS,
    );
    expect(isValidTwilioSignature(TOKEN, signedWithPort, URL, PARAMS)).toBe(true);
  });

  it('refuses another token, a changed field, another URL or garbage', () => {
    expect(isValidTwilioSignature('54321', EXPECTED, URL, PARAMS)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, EXPECTED, URL, { ...PARAMS, Digits: '1235' })).toBe(false);
    expect(isValidTwilioSignature(TOKEN, EXPECTED, `${URL}&baz=3`, PARAMS)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, 'not base64 at all', URL, PARAMS)).toBe(false);
  });
});
