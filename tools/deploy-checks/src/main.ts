// `node tools/deploy-checks/dist/main.js <check> <files…>`: runs one deployment check and prints its
// findings as `file:line: [rule] message`. Exit 0 when clean, 1 with findings, 2 when the check could
// not run (usage, or a tool such as kubectl or nats-server missing).
import { COMMANDS } from './commands.js';
import { DeployCheckError } from './errors.js';
import { formatFinding } from './finding.js';

const [name = '', ...args] = process.argv.slice(2);
const command = COMMANDS[name];
if (command === undefined) {
  const usages = Object.values(COMMANDS).map((c) => `  main.js ${c.usage}`);
  process.stderr.write(`usage:\n${usages.join('\n')}\n`);
  process.exit(2);
}
try {
  const { findings, notes } = await command.run(args);
  for (const note of notes) process.stdout.write(`  note: ${note}\n`);
  for (const finding of findings) process.stdout.write(`${formatFinding(finding)}\n`);
  process.stdout.write(
    `${name}: ${findings.length === 0 ? 'ok' : `${findings.length} finding(s)`}\n`,
  );
  process.exitCode = findings.length === 0 ? 0 : 1;
} catch (error) {
  if (!(error instanceof DeployCheckError)) throw error;
  process.stderr.write(`${name}: cannot check: ${error.message}\n`);
  process.exitCode = 2;
}
