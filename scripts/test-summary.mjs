// Adds up the Jest JSON reports of every project into one closing line: "N passed, N failed, N skipped".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'tmp/test-results';
const totals = { passed: 0, failed: 0, skipped: 0, suitesFailed: 0 };
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
for (const file of files) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  totals.suitesFailed += report.numRuntimeErrorTestSuites;
}
console.log(`\nprojects with test reports: ${files.length}`);
if (totals.suitesFailed > 0) console.log(`test suites that failed to run: ${totals.suitesFailed}`);
console.log(
  `${totals.passed} passed, ${totals.failed + totals.suitesFailed} failed, ${totals.skipped} skipped`,
);
process.exit(totals.failed + totals.suitesFailed > 0 || totals.passed === 0 ? 1 : 0);
