import { jestConfig } from '../../jest.preset.js';

// ESLint builds the Nx project graph on first use; give it room on a cold 2-core machine.
export default jestConfig(import.meta.dirname, { testTimeout: 120_000 });
