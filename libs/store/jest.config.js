import { jestConfig } from '../../jest.preset.js';

// Each contract test may start and stop a real nats-server; give a cold 2-core machine room.
export default jestConfig(import.meta.dirname, { testTimeout: 30_000 });
