// The escalation governor: intent versions in, decisions and signed grants (or revocations) out.
import 'reflect-metadata';
import { startAgent } from '@warmline/agent-runtime';
import { readGovernorSettings } from './governor-settings.js';
import { EscalationGovernorModule } from './escalation-governor.module.js';

await startAgent('escalation-governor', process.env, (config, logger) =>
  EscalationGovernorModule.forRoot(config, logger, readGovernorSettings(process.env)),
);
