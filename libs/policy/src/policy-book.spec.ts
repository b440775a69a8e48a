import { DEFAULT_POLICY } from './default-policy.js';
import { PolicyConflictError } from './errors.js';
import { PolicyBook } from './policy-book.js';
import type { CampaignPolicy } from './policy-schema.js';

function policy(id: string, campaigns: string[]): CampaignPolicy {
  return { ...DEFAULT_POLICY, id, campaigns };
}

describe('PolicyBook', () => {
  const solar = policy('solar', ['solar-q4', 'solar-q1']);
  const book = new PolicyBook([DEFAULT_POLICY, solar]);

  it('resolves a named campaign to its own policy and any other to the "*" policy', () => {
    expect(book.policyFor('solar-q1')).toBe(solar);
    expect(book.policyFor('spring-promo')).toBe(DEFAULT_POLICY);
  });

  it('finds nothing for an unnamed campaign when there is no "*" policy', () => {
    expect(new PolicyBook([solar]).policyFor('spring-promo')).toBeNull();
    expect(new PolicyBook([]).policyFor('solar-q4')).toBeNull();
  });

  it.each([
    [
      [solar, policy('solar-2', ['solar-q4'])],
      'policies solar and solar-2 both apply to campaign solar-q4',
    ],
    [
      [DEFAULT_POLICY, policy('other', ['*'])],
      'policies default and other both apply to campaign *',
    ],
    [[solar, policy('solar', ['wind'])], 'two policies have the id solar'],
  ])('refuses an ambiguous set of policies', (policies, message) => {
    expect(() => new PolicyBook(policies)).toThrow(new PolicyConflictError(message));
    expect(() => new PolicyBook(policies)).toThrow(
      expect.objectContaining({ code: 'POLICY_CONFLICT' }),
    );
  });
});
