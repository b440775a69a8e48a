import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from '@warmline/nats-server';
import { checkPolicyFiles } from './check-policy-files.js';

const shipped = join(workspaceRoot(), 'deploy', 'k8s', 'base', 'policies', 'campaign.policy.yaml');

describe('checkPolicyFiles', () => {
  it('accepts the campaign policy the deployment ships', () => {
    expect(checkPolicyFiles([shipped])).toEqual([]);
  });

  it('refuses a policy the governor would refuse, naming the field', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'policy-')), 'broken.policy.yaml');
    writeFileSync(
      broken,
      readFileSync(shipped, 'utf8').replace('readinessThreshold: 0.7', 'readinessThreshold: 1.4'),
    );
    const [finding] = checkPolicyFiles([broken]);
    expect(finding).toMatchObject({ rule: 'campaign-policy' });
    expect(finding?.message).toContain('readinessThreshold');
  });
});
