// One flat config for the whole workspace. Module boundaries are the architecture:
// apps -> feature -> data-access -> domain -> util, and I/O packages stay in the libs that own them.
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

const ioPackages = ['@nats-io/*', 'mongodb', '@nestjs/*', 'pino'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  prettier,
  {
    ignores: ['**/dist', '**/node_modules', '**/generated/**', '.nx/**', 'coverage/**'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:feature', 'type:domain', 'type:data-access', 'type:util'],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:feature', 'type:domain', 'type:data-access', 'type:util'],
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util'],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:util'],
              bannedExternalImports: ioPackages,
            },
            {
              sourceTag: 'type:util',
              onlyDependOnLibsWithTags: ['type:util'],
              bannedExternalImports: ioPackages,
            },
            {
              // Test harnesses may be used by any spec, but never by production code (see testing-only rule below).
              sourceTag: 'scope:testing',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Production code never imports the test harness; specs may.
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts', 'libs/testing/**', '**/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@warmline/testing', message: 'The test harness is for specs only.' }] },
      ],
    },
  },
];
