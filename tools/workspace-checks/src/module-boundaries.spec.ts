// Proves the architecture is enforced: the lint rules must reject imports that cross layers, and the
// rule set must really apply to our files (a config that silently matches nothing would pass everything).
import { ESLint } from 'eslint';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: workspaceRoot });

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(workspaceRoot, filePath) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('module boundaries', () => {
  it('refuses a domain lib importing a data-access lib', async () => {
    const messages = await ruleIdsFor(
      "import { provisionStreams } from '@warmline/bus';\nexport const x = provisionStreams;\n",
      'libs/authority/src/boundary-fixture.ts',
    );
    expect(messages.join('\n')).toMatch(/@nx\/enforce-module-boundaries.*type:domain/);
  });

  it('refuses NATS client imports outside the data-access libs that own them', async () => {
    const messages = await ruleIdsFor(
      "import { jetstream } from '@nats-io/jetstream';\nexport const x = jetstream;\n",
      'libs/contracts/src/boundary-fixture.ts',
    );
    expect(messages.join('\n')).toMatch(/@nx\/enforce-module-boundaries.*@nats-io\/jetstream/);
  });

  it('refuses the test harness in production code but allows it in specs', async () => {
    const code =
      "import { startNatsServer } from '@warmline/testing';\nexport const x = startNatsServer;\n";
    const inSource = await ruleIdsFor(code, 'libs/bus/src/boundary-fixture.ts');
    const inSpec = await ruleIdsFor(code, 'libs/bus/src/boundary-fixture.spec.ts');
    expect(inSource.join('\n')).toMatch(/no-restricted-imports.*test harness/);
    expect(inSpec.join('\n')).not.toMatch(/no-restricted-imports/);
  });

  it('accepts an import that follows the layers', async () => {
    const messages = await ruleIdsFor(
      "import { partitionOf } from '@warmline/contracts';\nexport const x = partitionOf;\n",
      'libs/bus/src/boundary-fixture.ts',
    );
    expect(messages.filter((m) => m.includes('enforce-module-boundaries'))).toEqual([]);
  });
});
