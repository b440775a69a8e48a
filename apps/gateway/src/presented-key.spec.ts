import { presentedKey } from './presented-key.js';

describe('presentedKey', () => {
  it.each([
    [{ authorization: 'Bearer abc123' }, 'abc123'],
    [{ authorization: 'bearer   abc123 ' }, 'abc123'],
    [{ 'x-api-key': ' abc123 ' }, 'abc123'],
    [{ authorization: `Basic ${Buffer.from('twilio:abc:123').toString('base64')}` }, 'abc:123'],
    [{ authorization: 'Bearer first', 'x-api-key': 'second' }, 'first'],
  ])('reads %j', (headers, key) => {
    expect(presentedKey(headers)).toBe(key);
  });

  it.each([
    [{}],
    [{ authorization: 'Token abc' }],
    [{ authorization: `Basic ${Buffer.from('only-a-user').toString('base64')}` }],
    [{ 'x-api-key': '  ' }],
  ])('finds no key in %j', (headers) => {
    expect(presentedKey(headers)).toBeNull();
  });
});
