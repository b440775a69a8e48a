// The simulator CLI: parse the command line and environment, run the campaign against the stack,
// print the report table and write report.json and report.html. Exit 0 when the campaign ran to its
// end (whatever its outcomes), 1 on any error, with one clear message.
import { readFileSync } from 'node:fs';
import { isSimulationError, renderReportTable, ScenarioInvalidError } from '@warmline/simulation';
import { PeriodicProgress, TerminalProgress, type CampaignProgress } from './campaign-progress.js';
import { defaultReportDir, parseCliOptions, USAGE, type CliOptions } from './cli-options.js';
import { deadLetterLines } from './dead-letter-tally.js';
import { CliUsageError, isSimulatorError } from './errors.js';
import { writePolicyFiles } from './policy-file-output.js';
import { writeReportFiles } from './report-files.js';
import { runCampaign } from './run-campaign.js';
import { loadScenario, withOverrides } from './scenario-source.js';
import { readSimulatorSettings } from './simulator-settings.js';

const stderr = (line: string) => process.stderr.write(`${line}\n`);
const stdout = (line: string) => process.stdout.write(`${line}\n`);

async function main(argv: readonly string[]): Promise<void> {
  const options = parseCliOptions(argv);
  if (options.command === 'help') {
    stdout(USAGE);
    return;
  }
  const scenario = withOverrides(
    loadScenario(options.scenarioPath, (path) => readFileSync(path, 'utf8')),
    {
      calls: options.calls,
      concurrency: options.concurrency,
      ratePerSecond: options.ratePerSecond,
      seed: options.seed,
    },
  );
  if (options.command === 'write-policies') {
    for (const path of writePolicyFiles(scenario, options.policyDir ?? '.')) stdout(path);
    return;
  }
  const settings = readSimulatorSettings(process.env);
  const outDir = options.outDir ?? defaultReportDir(Date.now());
  const report = await runCampaign({
    scenario,
    modes: options.modes,
    settings,
    progress: progressFor(options),
    warn: (message) => stderr(`simulator: warning: ${message}`),
  });
  stdout(renderReportTable(report));
  for (const line of deadLetterLines(report.stack.deadLetters)) stdout(line);
  const paths = writeReportFiles(report, outDir);
  stdout(`Report: ${paths.json}`);
  stdout(`        ${paths.html}`);
  stdout(`        ${paths.trails}`);
}

function progressFor(options: CliOptions): CampaignProgress | null {
  if (!options.progress) return null;
  return process.stderr.isTTY ? new TerminalProgress(process.stderr) : new PeriodicProgress(stderr);
}

function describeFailure(err: unknown): string {
  if (err instanceof ScenarioInvalidError) return err.message;
  if (err instanceof CliUsageError) return `${err.message} (see --help)`;
  if (isSimulatorError(err) || isSimulationError(err)) return err.message;
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

process.once('SIGINT', () => {
  stderr('simulator: interrupted');
  process.exit(1);
});

try {
  await main(process.argv.slice(2));
  process.exit(0);
} catch (err) {
  stderr(`simulator: ${describeFailure(err)}`);
  process.exit(1);
}
