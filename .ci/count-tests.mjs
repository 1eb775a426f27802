// Usage: node .ci/count-tests.mjs DIR
// Adds up the JSON reports that .ci/run asks Vitest and Playwright to write into DIR and
// prints one plain closing line, "tests: N passed, N failed", that any reader of CI output
// understands.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
if (dir && existsSync(dir)) {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    if (typeof report.numPassedTests === 'number') {
      passed += report.numPassedTests;
      failed += report.numFailedTests;
    } else if (report.stats) {
      passed += report.stats.expected + (report.stats.flaky ?? 0);
      failed += report.stats.unexpected;
    }
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
