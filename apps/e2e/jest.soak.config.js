import { jestConfig } from '../../jest.preset.js';

// The chaos soak (src/**/*.soak.ts): long by design, so not part of the project's test target;
// scripts/soak.sh runs it.
export default jestConfig(import.meta.dirname, {
  displayName: 'e2e/soak',
  testMatch: ['<rootDir>/src/**/*.soak.ts'],
  testTimeout: 120_000,
});
