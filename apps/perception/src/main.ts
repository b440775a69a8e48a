// The perception agent: raw perception events in, ordered, de-duplicated, quality-scored signals out.
import 'reflect-metadata';
import { startAgent } from '@warmline/agent-runtime';
import { readPerceptionSettings } from './perception-settings.js';
import { PerceptionModule } from './perception.module.js';

await startAgent('perception', process.env, (config, logger) =>
  PerceptionModule.forRoot(config, logger, readPerceptionSettings(process.env)),
);
