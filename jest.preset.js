// Shared Jest settings: native ESM (NestJS 12 and @nats-io v3 are ESM-only), TypeScript via swc
// with legacy decorators + metadata so Nest's dependency injection sees constructor types.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));

/** Builds a project's Jest config; `dir` is the project's folder. */
export function jestConfig(dir, overrides = {}) {
  return {
    displayName: dir.split('/').slice(-2).join('/'),
    rootDir: dir,
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    moduleNameMapper: {
      // Workspace libs resolve to their TypeScript source in tests, so no build is needed first.
      '^@warmline/([a-z-]+)$': join(root, 'libs/$1/src/index.ts'),
      // A lib's test data entry (`@warmline/intent/testing`) is its __fixtures__ folder.
      '^@warmline/([a-z-]+)/testing$': join(root, 'libs/$1/src/__fixtures__/index.ts'),
      // Relative ESM imports are written with .js; map them back to the .ts source.
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    transform: {
      '^.+\\.(t|j)s$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2023',
          },
          module: { type: 'es6' },
        },
      ],
    },
    transformIgnorePatterns: ['/node_modules/'],
    ...overrides,
  };
}
