// `npm test`: every check, in order, then one closing line `N passed, N failed` summed over the test runners
// (vitest and Playwright). A check that is not a runner (typecheck, lint, Electronegativity) counts as one test,
// so the closing line never reads "0 failed" when the command fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const results = 'test-results';
mkdirSync(results, { recursive: true });

/** @type {{ name: string, passed: number, failed: number }[]} */
const steps = [];

function run(name, command, args) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const outcome = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return outcome.status === 0;
}

function check(name, command, args) {
  const ok = run(name, command, args);
  steps.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

/** What failed, told again just before the summary: CI keeps only the end of a long output. */
/** @type {string[]} */
const failures = [];

/** The first lines of an error message, without terminal colours. */
function firstLines(message, count = 8) {
  return (
    String(message ?? '')
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .slice(0, count)
      .map((line) => `      ${line}`)
      .join('\n')
  );
}

/**
 * Reads a runner's JSON report; a missing or unreadable report counts as one failure.
 * `failed` lists the report's failures as text for the closing recap.
 */
function runner(name, command, args, reportFile, count, failed) {
  rmSync(reportFile, { force: true });
  const ok = run(name, command, args);
  let counts;
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    counts = count(report);
    for (const failure of failed(report)) failures.push(`  ${name}: ${failure}`);
  } catch {
    counts = { passed: 0, failed: 1 };
  }
  let { passed, failed: failedCount } = counts;
  if (!ok && failedCount === 0) failedCount = 1;
  steps.push({ name, passed, failed: failedCount });
}

/** Vitest's failed tests: file, test name, first lines of the message. */
function vitestFailures(report) {
  return report.testResults.flatMap((file) => {
    const tests = (file.assertionResults ?? [])
      .filter((test) => test.status === 'failed')
      .map((test) => `${file.name} › ${test.fullName}\n${firstLines(test.failureMessages?.join('\n'))}`);
    return tests.length === 0 && file.status === 'failed'
      ? [`${file.name}\n${firstLines(file.message)}`]
      : tests;
  });
}

/** Playwright's failed or flaky tests: where, which attempt, the error and the line it stopped at. */
function playwrightFailures(report) {
  const found = [];
  const visit = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'expected' || test.status === 'skipped') continue;
        const verdict = test.status === 'flaky' ? 'flaky, passed when run again' : 'failed';
        for (const [attempt, result] of (test.results ?? []).entries()) {
          if (result.status === 'passed' || result.status === 'skipped') continue;
          const where = result.error?.location ? ` (stopped at line ${result.error.location.line})` : '';
          found.push(
            `${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')} (${verdict}) — attempt ${attempt + 1} ${result.status} after ${Math.round(result.duration / 1000)} s${where}\n${firstLines(result.error?.message ?? result.errors?.[0]?.message)}`,
          );
        }
      }
    }
    for (const child of suite.suites ?? [])
      visit(child, child.title && !child.title.endsWith('.ts') ? [...titles, child.title] : titles);
  };
  for (const suite of report.suites ?? []) visit(suite, []);
  return found;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
check('typecheck', npx, ['tsc', '-b']);
check('lint', npx, ['eslint', '.']);
check('format', npx, ['prettier', '--check', '.']);
check('build', 'npm', ['run', '--silent', 'build']);
check('security (Electronegativity)', 'node', ['scripts/electronegativity.mjs']);
runner(
  'unit and integration (vitest)',
  npx,
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${results}/vitest.json`],
  `${results}/vitest.json`,
  (report) => ({
    passed: report.numPassedTests,
    failed:
      report.numFailedTests +
      (report.numRuntimeErrorTests ?? 0) +
      (report.success === false && report.numFailedTests === 0 ? 1 : 0),
  }),
  vitestFailures,
);
runner(
  'end-to-end (Playwright, Chromium)',
  npx,
  ['playwright', 'test'],
  `${results}/playwright.json`,
  (report) => ({
    // A flaky test (failed, then passed when run again in CI) passed; it is still listed in the recap.
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
  }),
  playwrightFailures,
);

if (failures.length > 0) console.log(`\nFailed (or flaky):\n${failures.join('\n')}`);

console.log('\nSummary:');
for (const step of steps)
  console.log(
    `  ${step.failed === 0 ? 'ok  ' : 'FAIL'}  ${step.name}: ${step.passed} passed, ${step.failed} failed`,
  );
const passed = steps.reduce((sum, step) => sum + step.passed, 0);
const failed = steps.reduce((sum, step) => sum + step.failed, 0);
const line = `${passed} passed, ${failed} failed`;
writeFileSync(`${results}/summary.txt`, `${line}\n`);
console.log(line);
process.exitCode = failed === 0 && existsSync(`${results}/summary.txt`) ? 0 : 1;
