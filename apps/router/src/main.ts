// The router: executes live transfers under the escalation governor's grants — a closer reserved and
// briefed before the buyer moves, explicit transfer states, the grant's fallbacks — and nothing else.
import 'reflect-metadata';
import { startAgent } from '@warmline/agent-runtime';
import { readRouterSettings } from './router-settings.js';
import { RouterModule } from './router.module.js';

await startAgent('router', process.env, (config, logger) =>
  RouterModule.forRoot(config, logger, readRouterSettings(process.env)),
);
