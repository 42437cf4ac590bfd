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

/** Reads a runner's JSON report; a missing or unreadable report counts as one failure. */
function runner(name, command, args, reportFile, count) {
  rmSync(reportFile, { force: true });
  const ok = run(name, command, args);
  let counts;
  try {
    counts = count(JSON.parse(readFileSync(reportFile, 'utf8')));
  } catch {
    counts = { passed: 0, failed: 1 };
  }
  let { passed, failed } = counts;
  if (!ok && failed === 0) failed = 1;
  steps.push({ name, passed, failed });
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
);
runner(
  'end-to-end (Playwright, Chromium)',
  npx,
  ['playwright', 'test'],
  `${results}/playwright.json`,
  (report) => ({
    passed: report.stats.expected,
    failed: report.stats.unexpected + report.stats.flaky,
  }),
);

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
