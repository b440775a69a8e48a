import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_POLICY } from '@warmline/policy';
import { AgentConfigError } from './config-error.js';
import { readPolicyBook } from './policy-files.js';

const dir = mkdtempSync(join(tmpdir(), 'warmline-policies-'));

describe('readPolicyBook', () => {
  it('applies the shipped default policy to every campaign when no file is configured', () => {
    expect(readPolicyBook({}).policyFor('any-campaign')).toEqual(DEFAULT_POLICY);
  });

  it('reads the configured files', () => {
    const file = join(dir, 'solar.json');
    writeFileSync(file, JSON.stringify({ ...DEFAULT_POLICY, id: 'solar', campaigns: ['solar'] }));
    const book = readPolicyBook({ WARMLINE_POLICY_FILES: file });
    expect(book.policyFor('solar')?.id).toBe('solar');
    expect(book.policyFor('other')).toBeNull();
  });

  it('names the file and the problem when a policy is invalid or missing', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'id: broken\nversion: -1\n');
    expect(() => readPolicyBook({ WARMLINE_POLICY_FILES: bad })).toThrow(AgentConfigError);
    expect(() => readPolicyBook({ WARMLINE_POLICY_FILES: bad })).toThrow(/bad\.yaml/);
    expect(() => readPolicyBook({ WARMLINE_POLICY_FILES: join(dir, 'none.yaml') })).toThrow(
      /WARMLINE_POLICY_FILES: cannot read .*none\.yaml/,
    );
  });
});
