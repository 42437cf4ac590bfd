import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAST_VIEW_FILE, readLastView, routeOf } from '../../../electron/main/last-view';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-last-view-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the last view', () => {
  it('is the hash route of an app page, and nothing else', () => {
    expect(routeOf('app://workbench/index.html#/dynamics')).toBe('#/dynamics');
    expect(routeOf('app://workbench/index.html#/network/graph')).toBe('#/network/graph');
    expect(routeOf('app://workbench/index.html')).toBeUndefined();
    expect(routeOf('https://example.org/#/dynamics')).toBeUndefined();
    expect(routeOf('app://workbench/index.html#/x"><script>')).toBeUndefined();
    expect(routeOf('app://workbench/index.html#javascript:alert(1)')).toBeUndefined();
  });

  it('opens at the start page when nothing usable was saved', () => {
    expect(readLastView(dataDir)).toBe('');
    writeFileSync(join(dataDir, LAST_VIEW_FILE), '{"route": "#/sroi"');
    expect(readLastView(dataDir)).toBe('');
    writeFileSync(join(dataDir, LAST_VIEW_FILE), JSON.stringify({ route: 'https://example.org' }));
    expect(readLastView(dataDir)).toBe('');
    writeFileSync(join(dataDir, LAST_VIEW_FILE), JSON.stringify({ route: '#/sroi' }));
    expect(readLastView(dataDir)).toBe('#/sroi');
  });
});
