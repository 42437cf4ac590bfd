import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp';
import {
  type ElectronegativityIssue,
  judgeFindings,
  pinnedElectronVersion,
  REVIEWED_FINDINGS,
  scan,
  scanDirectory,
  stageScanInputs,
} from '../../../scripts/electronegativity.mjs';

const root = join(import.meta.dirname, '..', '..', '..');

const issue = (id: string, severity: string, file: string, sample: string): ElectronegativityIssue => ({
  id,
  file,
  sample,
  severity: { name: severity, value: ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'].indexOf(severity) },
});

describe('judging the findings', () => {
  const reviewed = REVIEWED_FINDINGS[0];
  if (reviewed === undefined) throw new Error('the reviewed list is empty');

  it('fails on HIGH and MEDIUM, reports LOW and INFORMATIONAL', () => {
    const { failing, other } = judgeFindings([
      issue('NODE_INTEGRATION_JS_CHECK', 'HIGH', 'electron/main/window.js', 'nodeIntegration: true'),
      issue(
        'CUSTOM_ARGUMENTS_JS_CHECK',
        'MEDIUM',
        'electron/main.js',
        "app.commandLine.appendSwitch('no-sandbox')",
      ),
      issue('CSP_GLOBAL_CHECK', 'LOW', 'dist/index.html', ''),
      issue('PRELOAD_JS_CHECK', 'INFORMATIONAL', 'electron/main/window.js', ''),
    ]);
    expect(failing.map((finding) => finding.id)).toEqual([
      'NODE_INTEGRATION_JS_CHECK',
      'CUSTOM_ARGUMENTS_JS_CHECK',
    ]);
    expect(other).toHaveLength(2);
  });

  it('accepts a reviewed finding only at the reviewed line of the reviewed file', () => {
    const atReviewedLine = issue(
      reviewed.check,
      'MEDIUM',
      reviewed.file,
      `  ${reviewed.line}.catch(() => {})`,
    );
    const elsewhere = issue(reviewed.check, 'MEDIUM', 'electron/main/menu.js', `  ${reviewed.line}`);
    const otherCall = issue(reviewed.check, 'MEDIUM', reviewed.file, 'shell.openExternal(untrusted)');
    const { failing, accepted } = judgeFindings([atReviewedLine, elsewhere, otherCall]);
    expect(accepted.map((entry) => entry.issue)).toEqual([atReviewedLine]);
    expect(failing).toEqual([elsewhere, otherCall]);
  });

  it('gives every reviewed finding a reason', () => {
    for (const entry of REVIEWED_FINDINGS) expect(entry.reason.length, entry.check).toBeGreaterThan(40);
  });
});

describe('the scan', () => {
  let stage: string;
  beforeEach(() => {
    stage = mkdtempSync(join(tmpdir(), 'workbench-electronegativity-'));
  });
  afterEach(() => {
    rmSync(stage, { recursive: true, force: true });
  });

  it('stages the files of both bundles as parseable JavaScript, with the header CSP as a page', async () => {
    const staged = await stageScanInputs(root, stage);
    expect(staged).toEqual(
      expect.arrayContaining([
        'electron/main.js',
        'electron/preload.js',
        'electron/main/window.js',
        'electron/main/ipc.js',
        'electron/main/protocol.js',
        'package.json',
        'app-protocol-headers.html',
      ]),
    );
    expect(staged.some((file) => file.includes('node_modules'))).toBe(false);
    const preload = readFileSync(join(stage, 'electron/preload.js'), 'utf8');
    expect(preload).not.toMatch(/import type|satisfies/);
    expect(preload).toContain('security checklist'); // comments are kept for the reviewer
    const page = readFileSync(join(stage, 'app-protocol-headers.html'), 'utf8');
    expect(page).toContain(`content="${CONTENT_SECURITY_POLICY}"`);
  });

  it('catches an insecure window (the gate is not blind)', async () => {
    writeFileSync(
      join(stage, 'main.js'),
      `const { BrowserWindow, app } = require('electron');
       app.commandLine.appendSwitch('disable-web-security');
       new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });`,
    );
    const { issues } = await scanDirectory(stage, pinnedElectronVersion(root));
    const ids = judgeFindings(issues).failing.map((finding) => finding.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'CUSTOM_ARGUMENTS_JS_CHECK',
        'CSP_GLOBAL_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      ]),
    );
  });

  it('passes the app: no unreviewed HIGH or MEDIUM finding, every file parsed', async () => {
    const { issues, errors, staged } = await scan({ root });
    expect(staged.length).toBeGreaterThan(10);
    expect(errors.filter((error) => !error.tolerable)).toEqual([]);
    expect(judgeFindings(issues).failing).toEqual([]);
  });
});
