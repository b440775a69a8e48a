// `node tools/nats-config/dist/main.js <users.conf>` writes the file; with --check it only compares and
// exits 1 when the committed file is out of date with the agent table.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderUsersConf } from './users-conf.js';

const args = process.argv.slice(2);
const check = args.includes('--check');
const target = args.find((a) => !a.startsWith('--'));
if (target === undefined) {
  process.stderr.write('usage: main.js [--check] <path to users.conf>\n');
  process.exit(2);
}
const rendered = renderUsersConf();
if (check) {
  const committed = readFileSync(target, 'utf8');
  if (committed !== rendered) {
    process.stderr.write(
      `${target} is out of date with the agent table; run npm run nats:config\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`${target}: up to date\n`);
} else {
  writeFileSync(target, rendered);
  process.stdout.write(`wrote ${target}\n`);
}
