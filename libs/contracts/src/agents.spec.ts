import { AGENTS, agentScopes, agentSpec, isAgentName } from './agents.js';
import { FAMILIES, isInteractionFamily, requiredScope } from './subjects.js';

describe('agent table', () => {
  it('has exactly one publisher agent for every internal family and a consumer for every produced one', () => {
    const publishers = (family: string) =>
      AGENTS.filter((a) => (a.publishes as readonly string[]).includes(family)).map((a) => a.agent);
    expect(publishers('signal')).toEqual(['perception']);
    expect(publishers('intent')).toEqual(['qualification']);
    expect(publishers('decision')).toEqual(['escalation-governor']);
    expect(publishers('handoff')).toEqual(['router']);
    expect(publishers('appointment')).toEqual(['scheduler']);
    for (const family of FAMILIES.map((f) => f.family).filter(isInteractionFamily)) {
      const consumed = AGENTS.some((a) => (a.consumes as readonly string[]).includes(family));
      expect([family, consumed]).toEqual([family, true]);
    }
  });

  it('gives an agent the scopes of what it publishes plus dead-letter, and nothing else', () => {
    expect(agentScopes('router').sort()).toEqual(
      [requiredScope('handoff'), requiredScope('telephony'), requiredScope('dlq')].sort(),
    );
    expect(agentScopes('perception')).not.toContain(requiredScope('intent'));
  });

  it('looks agents up by name and refuses unknown names', () => {
    expect(agentSpec('qualification')?.consumes).toEqual(['signal']);
    expect(agentSpec('mallory')).toBeNull();
    expect(isAgentName('scheduler')).toBe(true);
    expect(isAgentName('admin')).toBe(false);
    expect(() => agentScopes('mallory' as never)).toThrow(/unknown agent "mallory"/);
  });
});
