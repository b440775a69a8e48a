import { jestConfig } from '../../jest.preset.js';

// End-to-end tests start real processes and wait for them: give each test a minute.
export default jestConfig(import.meta.dirname, { testTimeout: 60_000 });
