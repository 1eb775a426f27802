// Usage: node .ci/count-tests.mjs DIR
// Adds up the JSON reports that .ci/run asks Vitest and Playwright to write into DIR (one per
// test section: vitest-pglite, vitest-postgres, playwright), prints one line per
// report and then one plain closing line, "tests: N passed, N failed", that any reader of CI
// output understands.
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
    passed += reportPassed;
    failed += reportFailed;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
