import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStaticFile, resolveStaticPath } from '../../../electron/web/static-files';

describe('static files of the web host', () => {
  const root = mkdtempSync(join(tmpdir(), 'empathy-static-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');

  it('serves index.html for / and files under the root with their content type', () => {
    expect(readStaticFile(root, '/')?.contentType).toBe('text/html; charset=utf-8');
    expect(readStaticFile(root, '/assets/app.js')?.contentType).toBe('text/javascript; charset=utf-8');
  });

  it('refuses paths that leave the root, however they are spelled', () => {
    for (const path of [
      '/../secret',
      '/assets/../../secret',
      '/%2e%2e/secret',
      '/..%2fsecret',
      '/a%5c..%5csecret',
      '/%00',
      '/%E0%A4%A',
    ]) {
      expect(resolveStaticPath(root, path), path).toBeUndefined();
    }
  });

  it('answers undefined for a missing file or a directory', () => {
    expect(readStaticFile(root, '/missing.js')).toBeUndefined();
    expect(readStaticFile(root, '/assets')).toBeUndefined();
  });
});
