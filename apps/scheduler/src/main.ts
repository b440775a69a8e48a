// The scheduler agent: books appointments under the governor's grants inside the buyer's consent
// window, idempotently, with iCalendar invites and CRM updates; moves and cancels them on request.
import 'reflect-metadata';
import { startAgent } from '@warmline/agent-runtime';
import { readSchedulerSettings } from './scheduler-settings.js';
import { SchedulerModule } from './scheduler.module.js';

await startAgent('scheduler', process.env, (config, logger) =>
  SchedulerModule.forRoot(config, logger, readSchedulerSettings(process.env)),
);
