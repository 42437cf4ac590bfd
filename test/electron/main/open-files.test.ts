import { describe, expect, it, vi } from 'vitest';
import { argsForWorkspace, filesFromArgv, openableKind, OpenQueue } from '../../../electron/main/open-files';

describe('the files a launch names', () => {
  it('are the models and workspaces among the arguments, made absolute against the launch folder', () => {
    expect(
      filesFromArgv(['/opt/empathy-workbench', 'teacup.xmile', '/home/ana/Shop.STMX'], '/home/ana'),
    ).toEqual(['/home/ana/teacup.xmile', '/home/ana/Shop.STMX']);
  });

  it('skip the executable, the app path from a clone, our --data-dir and its value', () => {
    expect(
      filesFromArgv(
        ['electron', '.', '--data-dir', '/data/workspace.sqlite', 'a.xmile', '--data-dir=/x'],
        '/w',
      ),
    ).toEqual(['/w/a.xmile']);
    expect(
      filesFromArgv(['/Applications/Empathy Workbench.app/Contents/MacOS/Empathy Workbench'], '/'),
    ).toEqual([]);
  });

  it('skip the switches Chromium and macOS add, and files the app does not open', () => {
    const argv = [
      '/opt/empathy-workbench',
      '--allow-file-access-from-files',
      '--original-process-start-time=13377799999999999',
      '--enable-features=WebContentsForceDark',
      '-psn_0_123456',
      'notes.txt',
      'model.xml',
      '',
      '/data/workspace.sqlite',
    ];
    expect(filesFromArgv(argv, '/')).toEqual(['/data/workspace.sqlite']);
  });

  it('tells a model from a workspace by name', () => {
    expect(openableKind('/a/b.xmile')).toBe('model');
    expect(openableKind('C:\\Models\\B.Stmx')).toBe('model');
    expect(openableKind('/data/workspace.sqlite')).toBe('workspace');
    expect(openableKind('/data/other.sqlite')).toBeUndefined();
    expect(openableKind('/data/workspace.sqlite-wal')).toBeUndefined();
  });
});

describe('the restart arguments for another workspace', () => {
  it('keep the app path and switches, and replace --data-dir and the files', () => {
    expect(
      argsForWorkspace(
        [
          'electron',
          '.',
          '--data-dir',
          '/old',
          '--enable-logging',
          'a.xmile',
          '--data-dir=/older',
          '/x/workspace.sqlite',
        ],
        '/new',
      ),
    ).toEqual(['.', '--enable-logging', '--data-dir', '/new']);
  });
});

describe('the open queue', () => {
  it('holds files until the page is ready, then opens them in order, and holds again while it reloads', () => {
    const open = vi.fn();
    const queue = new OpenQueue(open);
    queue.push('/a.xmile');
    queue.push('/b.stmx');
    expect(open).not.toHaveBeenCalled();
    expect(queue.waiting).toEqual(['/a.xmile', '/b.stmx']);
    queue.ready(true);
    expect(open.mock.calls).toEqual([['/a.xmile'], ['/b.stmx']]);
    queue.push('/c.xmile');
    expect(open).toHaveBeenLastCalledWith('/c.xmile');
    queue.ready(false);
    queue.push('/d.xmile');
    expect(open).toHaveBeenCalledTimes(3);
    queue.ready(true);
    expect(open).toHaveBeenLastCalledWith('/d.xmile');
    expect(queue.waiting).toEqual([]);
  });
});
