import { GrantClaimsInvalidError } from '@warmline/authority';
import { PermanentHandlerError } from '@warmline/bus';
import { EscalationInputError, IllegalTransitionError } from '@warmline/policy';
import { IntentChangeInvalidError } from './errors.js';
import { permanentFailureOf, refusingPermanentFailures } from './refusal.js';

describe('permanentFailureOf', () => {
  it.each([
    [
      new IntentChangeInvalidError('intent_version', 'bad'),
      'VALIDATION_FAILED',
      'INTENT_CHANGE_INVALID',
    ],
    [
      new EscalationInputError('state.version', 'bad'),
      'VALIDATION_FAILED',
      'ESCALATION_INPUT_INVALID',
    ],
    [new IllegalTransitionError('closed', 'authorised'), 'HANDLER_FAILED', 'ILLEGAL_TRANSITION'],
    [new GrantClaimsInvalidError('ttlMs', 'bad'), 'HANDLER_FAILED', 'GRANT_CLAIMS_INVALID'],
  ])('dead-letters %s with its reason and code', (err, reason, errorCode) => {
    expect(permanentFailureOf(err)).toMatchObject({ reason, errorCode, message: err.message });
  });

  it('leaves store and bus failures to be retried', async () => {
    const outage = new Error('store unavailable');
    expect(permanentFailureOf(outage)).toBeNull();
    await expect(refusingPermanentFailures(() => Promise.reject(outage))).rejects.toBe(outage);
    await expect(
      refusingPermanentFailures(() => Promise.reject(new EscalationInputError('nowMs', 'bad'))),
    ).rejects.toBeInstanceOf(PermanentHandlerError);
  });
});
