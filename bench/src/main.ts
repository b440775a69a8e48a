// `npm run bench [-- --quick]`: Warmline's hot paths next to their baselines, measured in the same
// run on the same machine; prints the table and writes bench/results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { busBench } from './bus-bench.js';
import { codecBench } from './codec-bench.js';
import { stepBench } from './step-bench.js';
import { renderTable } from './table.js';

const quick = process.argv.includes('--quick') || process.env['BENCH_QUICK'] === '1';
const runs = quick ? 3 : 5;

async function main(): Promise<void> {
  const rows = [
    ...(await codecBench(runs, quick ? 5_000 : 50_000)),
    ...(await busBench(runs, quick ? 1_000 : 5_000)),
    ...(await stepBench(runs, quick ? 100 : 500)),
  ];
  process.stdout.write(`${renderTable(rows, runs)}\n`);
  const out = join(process.cwd(), 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'latest.json'),
    `${JSON.stringify({ quick, runs, rows, at: new Date().toISOString() }, null, 2)}\n`,
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
