import { describe, expect, it } from 'vitest';
import { electronBuilderArgs, resolveHomepage, webPageOfRemote } from '../../../scripts/dist.mjs';

describe('the homepage npm run dist gives electron-builder', () => {
  it('is the web page of a remote on a web host, whatever the protocol, without credentials or .git', () => {
    expect(webPageOfRemote('https://github.com/acme/empathy-workbench.git\n')).toBe(
      'https://github.com/acme/empathy-workbench',
    );
    expect(webPageOfRemote('git@github.com:acme/empathy-workbench.git')).toBe(
      'https://github.com/acme/empathy-workbench',
    );
    expect(webPageOfRemote('ssh://git@gitlab.example.org:2222/group/sub/ew.git')).toBe(
      'https://gitlab.example.org/group/sub/ew',
    );
    expect(webPageOfRemote('https://user:token@codeberg.org/acme/ew')).toBe('https://codeberg.org/acme/ew');
  });

  it('is not made up from a remote that is a folder, a file URL, a drive path or a host alone', () => {
    for (const remote of [
      undefined,
      '',
      '/srv/git/ew',
      '../main',
      'file:///srv/git/ew',
      'C:\\work\\ew',
      'https://github.com/acme',
    ])
      expect(webPageOfRemote(remote), String(remote)).toBeUndefined();
  });

  it('comes from package.json first, then EMPATHY_HOMEPAGE, then the remote', () => {
    const remote = 'git@github.com:acme/ew.git';
    expect(
      resolveHomepage({
        packageHomepage: 'https://ew.example',
        env: { EMPATHY_HOMEPAGE: 'https://x' },
        gitRemote: remote,
      }),
    ).toEqual({ homepage: 'https://ew.example', source: 'package.json' });
    expect(
      resolveHomepage({
        packageHomepage: undefined,
        env: { EMPATHY_HOMEPAGE: ' https://x ' },
        gitRemote: remote,
      }),
    ).toEqual({
      homepage: 'https://x',
      source: 'EMPATHY_HOMEPAGE',
    });
    expect(resolveHomepage({ packageHomepage: '', env: {}, gitRemote: remote })).toEqual({
      homepage: 'https://github.com/acme/ew',
      source: 'the git remote "origin"',
    });
    expect(
      resolveHomepage({ packageHomepage: undefined, env: {}, gitRemote: '/srv/git/ew' }),
    ).toBeUndefined();
  });
});

describe('electron-builder’s arguments', () => {
  const homepage = { homepage: 'https://github.com/acme/ew', source: 'the git remote "origin"' };

  it('put a known homepage in the packaged package.json and build every configured target', () => {
    const { args, notes } = electronBuilderArgs({ platform: 'linux', homepage, userArgs: [] });
    expect(args).toEqual(['-c.extraMetadata.homepage=https://github.com/acme/ew']);
    expect(notes).toEqual(['Homepage https://github.com/acme/ew (from the git remote "origin").']);
  });

  it('build the AppImage alone on Linux without a homepage, and say how to get the .deb', () => {
    const { args, notes } = electronBuilderArgs({ platform: 'linux', homepage: undefined, userArgs: [] });
    expect(args).toEqual(['--linux', 'AppImage']);
    expect(notes.join(' ')).toMatch(/\.deb is skipped.*"homepage" in package\.json.*EMPATHY_HOMEPAGE/);
  });

  it('leave other platforms and targets the user chose alone', () => {
    expect(electronBuilderArgs({ platform: 'darwin', homepage: undefined, userArgs: [] }).args).toEqual([]);
    expect(electronBuilderArgs({ platform: 'win32', homepage: undefined, userArgs: [] }).args).toEqual([]);
    expect(
      electronBuilderArgs({ platform: 'linux', homepage: undefined, userArgs: ['--linux', 'deb'] }).args,
    ).toEqual(['--linux', 'deb']);
    expect(
      electronBuilderArgs({ platform: 'linux', homepage, userArgs: ['--publish', 'never'] }).args,
    ).toEqual(['-c.extraMetadata.homepage=https://github.com/acme/ew', '--publish', 'never']);
  });
});
