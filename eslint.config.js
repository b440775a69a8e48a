// One flat config for the whole workspace. Module boundaries are the architecture:
// apps -> feature -> data-access -> domain -> util, and I/O packages stay in the libs that own them.
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

// Packages that do I/O (or frame it) and so stay out of domain and util libs. The NATS *client*
// packages are listed one by one: @nats-io/nkeys is pure ed25519 and allowed in libs/authority.
const ioPackages = [
  '@nats-io/transport-node',
  '@nats-io/nats-core',
  '@nats-io/jetstream',
  '@nats-io/kv',
  '@nats-io/obj',
  '@nats-io/services',
  'mongodb',
  '@nestjs/*',
  'pino',
  '@opentelemetry/sdk-*',
  '@opentelemetry/exporter-*',
];

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
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:domain',
                'type:data-access',
                'type:util',
              ],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:domain',
                'type:data-access',
                'type:util',
              ],
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
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Specs may assert presence with `!` after an expectation, and benchmarks index the arrays they
    // just filled; production code may not.
    files: [
      '**/*.spec.ts',
      '**/*.soak.ts',
      '**/__fixtures__/**/*.ts',
      '**/test/**/*.ts',
      'bench/**/*.ts',
    ],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Production code never imports the test harness; specs may.
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts', 'libs/testing/**', '**/test/**', 'apps/e2e/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@warmline/testing', message: 'The test harness is for specs only.' }] },
      ],
    },
  },
];
