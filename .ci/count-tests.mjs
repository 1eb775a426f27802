// Usage: node .ci/count-tests.mjs DIR
// Adds up the JSON reports that .ci/run asks Vitest and Playwright to write into DIR (one per
// test section: vitest-pglite, vitest-postgres, playwright), prints one line per
// report and then one plain closing line, "tests: N passed, N failed", that any reader of CI
// output understands. Under a Vitest report it names the files that failed or did not finish
// (a worker that died leaves its file's tests neither passed nor failed).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
if (dir && existsSync(dir)) {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const report = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    let reportPassed = 0;
    let reportFailed = 0;
    if (typeof report.numPassedTests === 'number') {
      reportPassed = report.numPassedTests;
      reportFailed = report.numFailedTests;
    } else if (report.stats) {
      reportPassed = report.stats.expected + (report.stats.flaky ?? 0);
      reportFailed = report.stats.unexpected;
    } else {
      continue;
    }
    console.log(`    ${name.replace(/\.json$/, '').padEnd(16)} ${reportPassed} passed, ${reportFailed} failed`);
    for (const line of describeUnfinished(report)) console.log(`      ${line}`);
    passed += reportPassed;
    failed += reportFailed;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);

/** The Vitest files that did not pass, with how many of their tests passed, failed or never ended. */
function describeUnfinished(report) {
  if (!Array.isArray(report.testResults)) return [];
  const lines = [];
  for (const file of report.testResults) {
    const counts = {};
    for (const test of file.assertionResults ?? []) counts[test.status] = (counts[test.status] ?? 0) + 1;
    const unfinished = Object.entries(counts).filter(([status]) => !['passed', 'skipped', 'pending', 'todo'].includes(status));
    if (file.status === 'passed' && unfinished.length === 0) continue;
    const shown = Object.entries(counts)
      .map(([status, n]) => `${n} ${status}`)
      .join(', ');
    const message = (file.message ?? '').split('\n')[0].slice(0, 160);
    lines.push(`${path.relative(process.cwd(), file.name)}: ${file.status} (${shown || 'no tests reported'})${message ? ` ${message}` : ''}`);
  }
  return lines;
}
