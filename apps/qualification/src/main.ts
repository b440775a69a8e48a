// The qualification agent: signals in, versioned intent state (markers with evidence, objections,
// consent window, readiness) out, every version written with compare-and-set and published.
import 'reflect-metadata';
import { startAgent } from '@warmline/agent-runtime';
import { readQualificationSettings } from './qualification-settings.js';
import { QualificationModule } from './qualification.module.js';

await startAgent('qualification', process.env, (config, logger) =>
  QualificationModule.forRoot(config, logger, readQualificationSettings(process.env)),
);
