import { MAX_GRANT_TTL_MS as AUTHORITY_MAX_GRANT_TTL_MS } from '@warmline/authority';
import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_POLICY } from './default-policy.js';
import { parsePolicy } from './parse-policy.js';
import { policyJsonSchema } from './policy-json-schema.js';
import { MAX_GRANT_TTL_MS } from './policy-schema.js';

const policies = new URL('../policies/', import.meta.url);
const SCHEMA_FILE = new URL('policy.schema.json', policies);

interface JsonSchemaNode {
  readonly [keyword: string]: unknown;
  readonly properties: Record<string, JsonSchemaNode>;
  readonly items: JsonSchemaNode;
}

describe('the shipped default policy', () => {
  it('is exactly what policies/default.policy.yaml says', () => {
    const text = readFileSync(new URL('default.policy.yaml', policies), 'utf8');

    expect(parsePolicy(text, 'yaml', 'default.policy.yaml')).toEqual(DEFAULT_POLICY);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(DEFAULT_POLICY.controls)).toBe(true);
  });
});

describe('policyJsonSchema', () => {
  // Regenerate after a schema change: UPDATE_POLICY_SCHEMA=1 bash scripts/jest.sh libs/policy -t policyJsonSchema
  it('is what policies/policy.schema.json holds (the file editors validate against)', () => {
    const generated = `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
    if (process.env['UPDATE_POLICY_SCHEMA'] === '1') writeFileSync(SCHEMA_FILE, generated);

    // Compared as data: Prettier may lay the file out differently from JSON.stringify.
    expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(policyJsonSchema());
  });

  it('closes every object to unknown keys and lists the required ones', () => {
    const schema = policyJsonSchema() as JsonSchemaNode;
    const live = schema.properties.actions.properties.liveTransfer;

    expect(schema.additionalProperties).toBe(false);
    expect(live.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining(['id', 'version', 'campaigns', 'team', 'actions']),
    );
    expect(schema.required).not.toContain('description');
    expect(live.properties.readinessThreshold).toMatchObject({ minimum: 0, maximum: 1 });
    expect(live.properties.requiredMarkers.items.enum).toEqual([
      'scope_confirmed',
      'timing_consent',
      'next_step_accepted',
      'escalation_permission',
    ]);
  });
});

it('caps grant lifetimes exactly where @warmline/authority does', () => {
  expect(MAX_GRANT_TTL_MS).toBe(AUTHORITY_MAX_GRANT_TTL_MS);
});
