// Public face of the simulator app for programs that drive it (a launcher, a benchmark): run a
// campaign, write its report, and the policy files the stack must load for the scenario's modes.
export { campaignIdFor } from '@warmline/simulation';
export type { CampaignProgress, ProgressSnapshot } from './campaign-progress.js';
export { PeriodicProgress, TerminalProgress, progressLine } from './campaign-progress.js';
export type { DeadLetterCount } from './dead-letter-tally.js';
export {
  BrokerUnreachableError,
  CampaignInvalidError,
  CliUsageError,
  SimulatorConfigError,
  SimulatorError,
  isSimulatorError,
} from './errors.js';
export { writePolicyFiles } from './policy-file-output.js';
export { policyFilesFor, type PolicyFile } from './policy-files.js';
export { writeReportFiles, type ReportPaths } from './report-files.js';
export { runCampaign, type CampaignOptions, type CampaignReport } from './run-campaign.js';
export {
  loadScenario,
  modesToRun,
  withOverrides,
  type ScenarioOverrides,
} from './scenario-source.js';
export { readSimulatorSettings, type SimulatorSettings } from './simulator-settings.js';
export type { TelephonyAdapter } from './telephony-adapter.js';
