#!/usr/bin/env node
/**
 * `npm run test:security`: Doyensec's Electronegativity (https://github.com/doyensec/electronegativity) over the
 * code that runs in Electron. Fails on any HIGH or MEDIUM finding that is not reviewed below, and on any file
 * it could not parse (an unparsed file is an unchecked file).
 *
 * What it scans, and why not the sources directly: Electronegativity parses TypeScript with a TypeScript 4.2
 * parser, which rejects `satisfies`, `import type` modifiers and import attributes. So the project files that
 * the two Electron bundles contain (esbuild's metafile of scripts/build-electron.mjs says which) are transpiled
 * one by one with the project's TypeScript to CommonJS with comments kept, keeping one file per source file so
 * every finding points at a recognisable module. Added to them: package.json, the built renderer page
 * (dist/index.html) when there is one, and the Content Security Policy that electron/main/protocol.ts sends
 * with every app:// response, written as the equivalent <meta> tag, because Electronegativity only recognises
 * a CSP in HTML or in `webRequest.onHeadersReceived` code and would otherwise report "no CSP"; its CSP
 * evaluator (Google's csp-evaluator) then grades the real policy.
 *
 * Offline and quick: the Electron version is given (`-e` on the command line, `electronVersionOverride` here),
 * and the two network calls Electronegativity makes are answered "offline" at once instead of waiting on
 * timeouts: it fetches translations of its messages from S3 (it falls back to its bundled English), and
 * Electron's release list from GitHub for AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK. That check cannot work
 * offline; the Electron version is pinned on purpose (DEVELOPERS.md: later ones need Node 22) and is reviewed
 * when it is bumped.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';
import { electronBundles } from './build-electron.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Severities that fail the check (Electronegativity's scale: HIGH 3, MEDIUM 2, LOW 1, INFORMATIONAL 0). */
export const FAILING_SEVERITIES = ['HIGH', 'MEDIUM'];

/**
 * Findings a person has reviewed and found safe. Each names the check, the file and a piece of the flagged
 * line, so a new call of the same kind elsewhere is reported again. Keep the reason next to it.
 */
export const REVIEWED_FINDINGS = [
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/main/external-links.js',
    line: 'shell.openExternal(webUrl)',
    reason:
      'The only openExternal call. It is reached only after isExternalWebUrl() accepted the URL (http: or https: ' +
      'with a host, parsed by URL), and the URL is re-serialised by URL before it is passed on; checklist item 15.',
  },
];

/** The staged page that carries the policy of the app:// response headers. */
const HEADER_POLICY_FILE = 'app-protocol-headers.html';

/**
 * The project's own files in the main and preload bundles (not node_modules, not JSON).
 * @param {string} root
 */
export async function electronSourceFiles(root) {
  const bundles = electronBundles(root);
  const files = new Set();
  for (const options of [bundles.main, bundles.preload]) {
    const result = await build({ ...options, write: false, sourcemap: false, logLevel: 'silent' });
    for (const input of Object.keys(result.metafile.inputs)) {
      if (!input.split(/[\\/]/).includes('node_modules') && /\.(ts|mts|cts|js|mjs|cjs)$/.test(input))
        files.add(input);
    }
  }
  return [...files].sort();
}

/** TypeScript to CommonJS ES2020, comments kept, one output per input: what the 4.2-era parsers can read. */
export function transpileForScan(source, fileName) {
  return ts.transpileModule(source, {
    fileName,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      removeComments: false,
      verbatimModuleSyntax: false,
      esModuleInterop: true,
    },
  }).outputText;
}

/** The CSP of every app:// response, as electron/csp.ts defines it. */
function headerPolicy(root, stage) {
  const compiled = join(stage, '.csp-for-scan.cjs');
  writeFileSync(compiled, transpileForScan(readFileSync(join(root, 'electron', 'csp.ts'), 'utf8'), 'csp.ts'));
  const { CONTENT_SECURITY_POLICY } = require(compiled);
  rmSync(compiled);
  return CONTENT_SECURITY_POLICY;
}

const escapeAttribute = (text) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** Copies everything to scan into `stage`; returns the staged files relative to it. */
export async function stageScanInputs(root, stage) {
  const staged = [];
  const put = (path, text) => {
    const target = join(stage, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    staged.push(path);
  };
  for (const file of await electronSourceFiles(root)) {
    const text = readFileSync(join(root, file), 'utf8');
    put(file.replace(/\.(m|c)?ts$/, '.js'), file.endsWith('.ts') ? transpileForScan(text, file) : text);
  }
  copyFileSync(join(root, 'package.json'), join(stage, 'package.json'));
  staged.push('package.json');
  const rendererPage = join(root, 'dist', 'index.html');
  if (existsSync(rendererPage)) put(join('dist', 'index.html'), readFileSync(rendererPage, 'utf8'));
  put(
    HEADER_POLICY_FILE,
    '<!-- The Content-Security-Policy header electron/main/protocol.ts sends with every app:// response. -->\n' +
      `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(headerPolicy(root, stage))}">\n`,
  );
  return staged;
}

/**
 * Makes `require('got')` inside Electronegativity fail at once, as it does offline, instead of waiting for a
 * connection timeout (the release-list request has none). Only Electronegativity's copy is replaced.
 */
function answerNetworkOffline() {
  const scanner = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const offline = () => Promise.reject(new Error('offline: the security scan makes no network requests'));
  offline.head = offline;
  offline.get = offline;
  const requirers = [
    'dist/locales/i18n.js',
    'dist/finder/checks/GlobalChecks/AvailableSecurityFixesGlobalCheck.js',
  ];
  for (const file of requirers) {
    const gotPath = createRequire(join(scanner, file)).resolve('got');
    const stub = new Module(gotPath);
    stub.filename = gotPath;
    stub.loaded = true;
    stub.exports = offline;
    stub.exports.default = offline;
    require.cache[gotPath] = stub;
  }
}

const lineOf = (issue) => `${issue.file}:${issue.location?.line ?? 0}`;

/** Sorts findings into failing, reviewed and informational ones. */
export function judgeFindings(issues, reviewed = REVIEWED_FINDINGS) {
  const failing = [];
  const accepted = [];
  const other = [];
  for (const issue of issues) {
    const severity = issue.severity?.name ?? 'UNKNOWN';
    if (!FAILING_SEVERITIES.includes(severity)) {
      other.push(issue);
      continue;
    }
    const file = String(issue.file).split('\\').join('/');
    const review = reviewed.find(
      (entry) =>
        entry.check === issue.id && entry.file === file && String(issue.sample ?? '').includes(entry.line),
    );
    if (review === undefined) failing.push(issue);
    else accepted.push({ issue, review });
  }
  return { failing, accepted, other };
}

function describe(issue) {
  const severity = issue.severity?.name ?? '?';
  const confidence = issue.confidence?.name ?? '?';
  const review = issue.manualReview ? ', needs review' : '';
  return `${issue.id} [${severity}/${confidence}${review}] ${lineOf(issue)}\n    ${String(issue.description).replace(/\s+/g, ' ')}`;
}

/**
 * Runs Electronegativity's scanner (its programmatic entry, the same code as its CLI) on a folder.
 * @returns {Promise<{ issues: object[], errors: { file: string, message: string, tolerable: boolean }[] }>}
 */
export async function scanDirectory(directory, electronVersion) {
  answerNetworkOffline();
  const runElectronegativity = require('@doyensec/electronegativity');
  return runElectronegativity(
    {
      input: directory,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: [],
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: true,
      electronUpgrade: undefined,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
}

/** The Electron version the app is built with (the pinned devDependency). */
export function pinnedElectronVersion(root = ROOT) {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

/** Stages the app's Electron code and scans it. */
export async function scan({ root = ROOT, electronVersion = pinnedElectronVersion(root) } = {}) {
  const stage = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  try {
    const staged = await stageScanInputs(root, stage);
    const result = await scanDirectory(stage, electronVersion);
    return { version: electronVersion, staged, ...result };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

async function main() {
  // Electronegativity logs its (deliberately offline) fetch failures with console.log: kept apart and shown
  // last, marked as the scanner's own notes, so they are not mistaken for findings.
  const log = console.log;
  const notes = [];
  console.log = (...parts) => {
    notes.push(parts.map(String).join(' '));
  };
  let outcome;
  try {
    outcome = await scan();
  } finally {
    console.log = log;
  }
  const { version, staged, issues, errors } = outcome;
  const { failing, accepted, other } = judgeFindings(issues);
  const out = (text) => process.stdout.write(`${text}\n`);
  out(`Electronegativity on ${staged.length} files, Electron ${version}:`);
  for (const file of staged) out(`  ${file}`);
  const unparsed = errors.filter((error) => !error.tolerable);
  for (const error of errors)
    out(`${error.tolerable ? 'warning' : 'ERROR'}: cannot parse ${error.file}: ${error.message}`);
  if (other.length > 0) out(`\nLow and informational findings (${other.length}), for the reviewer:`);
  for (const issue of other) out(`  ${describe(issue)}`);
  if (accepted.length > 0) out(`\nReviewed HIGH/MEDIUM findings (${accepted.length}):`);
  for (const { issue, review } of accepted) out(`  ${describe(issue)}\n    reviewed: ${review.reason}`);
  if (failing.length > 0) out(`\nHIGH/MEDIUM findings (${failing.length}):`);
  for (const issue of failing) out(`  ${describe(issue)}`);
  if (notes.length > 0) out(`\nScanner notes (expected offline): ${notes.join(' | ')}`);
  const failed = failing.length > 0 || unparsed.length > 0;
  out(failed ? '\nSecurity check FAILED.' : '\nSecurity check passed: no unreviewed HIGH or MEDIUM finding.');
  if (failed) process.exitCode = 1;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((error) => {
    process.stderr.write(
      `electronegativity: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
