import { intentChangeOf } from './intent-change.js';

describe('intentChangeOf', () => {
  const state = { interactionId: 'ix-1', version: 3 };

  it('takes the state and the event id of a well-formed envelope', () => {
    const envelope = {
      eventId: 'e-1',
      interactionId: 'ix-1',
      intentVersion: 3,
      intentStateChanged: { state },
    };
    expect(intentChangeOf(envelope)).toEqual({ eventId: 'e-1', state });
  });

  it.each([
    [
      { eventId: 'e', interactionId: 'ix-1', intentStateChanged: {} },
      /intent_state_changed\.state is required/,
    ],
    [
      { eventId: 'e', interactionId: 'ix-2', intentStateChanged: { state } },
      /state\.interaction_id "ix-1" differs from the envelope's "ix-2"/,
    ],
    [
      { eventId: 'e', interactionId: 'ix-1', intentVersion: 4, intentStateChanged: { state } },
      /intent_version 4 differs from the state's version 3/,
    ],
  ])('refuses %j naming the field', (envelope, message) => {
    expect(() => intentChangeOf(envelope)).toThrow(
      expect.objectContaining({
        code: 'INTENT_CHANGE_INVALID',
        message: expect.stringMatching(message),
      }),
    );
  });
});
