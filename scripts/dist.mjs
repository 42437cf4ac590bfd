#!/usr/bin/env node
/**
 * `npm run dist` (after `npm run build`): runs electron-builder for the platform it is on, with electron-builder.yml.
 *
 * electron-builder refuses to make a .deb without the project's web address (its Homepage field). This project
 * names none in package.json rather than invent one; the address is where the code is published, so it is taken,
 * in order, from package.json's `homepage`, the EMPATHY_HOMEPAGE variable, or the web page of the git remote the
 * code was cloned from (https://host/owner/repo for an https, ssh or scp-style remote on any host). It goes into
 * the packaged package.json (electron-builder's extraMetadata), where it is also the Help menu's link. With no
 * address at all, a Linux build makes the AppImage alone and says how to get the .deb.
 *
 * Arguments after `--` go to electron-builder unchanged (`npm run dist -- --linux dir`), and choosing targets
 * there turns the fallback off. The decisions are pure functions, tested in test/electron/main/dist.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The web page of a git remote, or undefined for a remote that is not on a web host (a folder, a bundle).
 * @param {string | undefined} remote
 */
export function webPageOfRemote(remote) {
  const text = remote?.trim();
  if (text === undefined || text === '') return undefined;
  let host;
  let path;
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(text);
  if (/^(?:https?|ssh|git(?:\+ssh)?):\/\//.test(text)) {
    let url;
    try {
      url = new URL(text);
    } catch {
      return undefined;
    }
    host = url.hostname;
    path = url.pathname;
  } else if (scp !== null && !/^[A-Za-z]$/.test(scp[1] ?? '')) {
    // git@github.com:owner/repo.git (and not a Windows drive letter such as C:\work\repo).
    host = scp[1];
    path = scp[2];
  } else {
    return undefined;
  }
  const parts = (path ?? '')
    .replace(/\.git\/?$/, '')
    .split('/')
    .filter((part) => part !== '');
  if (host === undefined || host === '' || parts.length < 2) return undefined;
  return `https://${host}/${parts.join('/')}`;
}

/**
 * Where the homepage comes from, first match wins.
 * @param {{ packageHomepage: unknown, env: Record<string, string | undefined>, gitRemote: string | undefined }} facts
 * @returns {{ homepage: string, source: string } | undefined}
 */
export function resolveHomepage({ packageHomepage, env, gitRemote }) {
  if (typeof packageHomepage === 'string' && packageHomepage.trim() !== '')
    return { homepage: packageHomepage.trim(), source: 'package.json' };
  const fromEnv = env.EMPATHY_HOMEPAGE?.trim();
  if (fromEnv !== undefined && fromEnv !== '') return { homepage: fromEnv, source: 'EMPATHY_HOMEPAGE' };
  const fromRemote = webPageOfRemote(gitRemote);
  if (fromRemote !== undefined) return { homepage: fromRemote, source: 'the git remote "origin"' };
  return undefined;
}

const TARGET_FLAGS = new Set(['--linux', '-l', '--mac', '-m', '-o', '--macos', '--win', '-w', '--windows']);

/**
 * electron-builder's arguments, and what to tell the user first.
 * @param {{ platform: string, homepage: { homepage: string, source: string } | undefined, userArgs: readonly string[] }} input
 * @returns {{ args: string[], notes: string[] }}
 */
export function electronBuilderArgs({ platform, homepage, userArgs }) {
  const notes = [];
  const args = [];
  if (homepage !== undefined) {
    args.push(`-c.extraMetadata.homepage=${homepage.homepage}`);
    notes.push(`Homepage ${homepage.homepage} (from ${homepage.source}).`);
  } else if (platform === 'linux' && !userArgs.some((arg) => TARGET_FLAGS.has(arg))) {
    args.push('--linux', 'AppImage');
    notes.push(
      'The .deb is skipped: electron-builder needs the project’s web address for it, and none is known. ' +
        'Set "homepage" in package.json or the EMPATHY_HOMEPAGE variable, or build from a clone of the published ' +
        'repository (its address is used), then run "npm run dist" again. Building the AppImage alone.',
    );
  }
  args.push(...userArgs);
  return { args, notes };
}

function gitRemoteOf(root) {
  const result = spawnSync('git', ['remote', 'get-url', 'origin'], { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout : undefined;
}

export function main({ root, argv = process.argv.slice(2), env = process.env, platform = process.platform }) {
  const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const homepage = resolveHomepage({
    packageHomepage: packageJson.homepage,
    env,
    gitRemote: gitRemoteOf(root),
  });
  const { args, notes } = electronBuilderArgs({ platform, homepage, userArgs: argv });
  for (const note of notes) process.stdout.write(`dist: ${note}\n`);
  const cli = createRequire(join(root, 'package.json')).resolve('electron-builder/cli.js');
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, env, stdio: 'inherit' });
  return result.status ?? 1;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exitCode = main({ root: join(dirname(fileURLToPath(import.meta.url)), '..') });
}
