// Prints one plain closing line for CI from the vitest and Playwright JSON reports:
// "tests: N passed, N failed, N skipped". Exits non-zero when a report is missing or counts nothing.
import { existsSync, readFileSync } from 'node:fs';

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
const vitest = read('test-results/vitest.json');
const playwright = read('test-results/playwright.json');
if (!vitest || !playwright) {
  console.error(`test summary: missing report (${!vitest ? 'vitest' : ''} ${!playwright ? 'playwright' : ''})`);
  process.exit(1);
}
const passed = vitest.numPassedTests + (playwright.stats.expected ?? 0);
const failed = vitest.numFailedTests + (playwright.stats.unexpected ?? 0) + (playwright.stats.flaky ?? 0);
const skipped = vitest.numPendingTests + vitest.numTodoTests + (playwright.stats.skipped ?? 0);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(passed > 0 && failed === 0 ? 0 : 1);
