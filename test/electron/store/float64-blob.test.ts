import { describe, expect, it } from 'vitest';
import { decodeFloat64, encodeFloat64 } from '../../../electron/store/float64-blob';
import { openWorkspace } from '../../../electron/store/workspace';
import { tempDataDir } from './support';

const awkward = new Float64Array([
  0,
  -0,
  1,
  -1.5,
  Math.PI,
  Number.MIN_VALUE,
  Number.MAX_VALUE,
  Infinity,
  -Infinity,
  NaN,
]);

describe('a Float64 series as a BLOB', () => {
  it('is 8 little-endian bytes per value', () => {
    expect([...encodeFloat64(new Float64Array([1]))]).toEqual([0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
    expect(encodeFloat64(awkward).byteLength).toBe(awkward.length * 8);
  });

  it('reads back bit for bit, including -0, subnormals, infinities and NaN', () => {
    const back = decodeFloat64(encodeFloat64(awkward));
    expect(Object.is(back[1], -0)).toBe(true);
    expect(new Uint8Array(back.buffer)).toEqual(new Uint8Array(awkward.buffer));
  });

  it('encodes a view into a larger buffer without its neighbours', () => {
    const shared = new Float64Array([9, 1, 2, 9]);
    expect([...decodeFloat64(encodeFloat64(shared.subarray(1, 3)))]).toEqual([1, 2]);
  });

  it('decodes bytes at an odd offset into an aligned array of its own', () => {
    const bytes = new Uint8Array(8 * 3 + 1);
    bytes.set(encodeFloat64(new Float64Array([4, 5, 6])), 1);
    const values = decodeFloat64(bytes.subarray(1));
    expect([...values]).toEqual([4, 5, 6]);
    expect(values.byteOffset).toBe(0);
  });

  it('refuses a length that is not whole doubles', () => {
    expect(() => decodeFloat64(new Uint8Array(12))).toThrow(/multiple of 8/);
  });

  it('survives a round trip through run_series', () => {
    const workspace = openWorkspace({ dataDir: tempDataDir(), backupOnOpen: false });
    try {
      const { db } = workspace;
      const project = workspace.projects.create({ name: 'Series' });
      const at = project.createdAt;
      db.prepare(
        'INSERT INTO models (id, project_id, name, xmile, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run('model', project.id, 'Reference', '<xmile/>', at, at);
      const times = new Float64Array([0, 0.25, 0.5]);
      db.prepare(
        'INSERT INTO runs (id, project_id, model_id, method, created_at, times) VALUES (?, ?, ?, ?, ?, ?)',
      ).run('run', project.id, 'model', 'euler', at, encodeFloat64(times));
      db.prepare('INSERT INTO run_series (run_id, variable, data) VALUES (?, ?, ?)').run(
        'run',
        'customers',
        encodeFloat64(awkward),
      );
      const row = db.prepare<[], { data: Buffer }>('SELECT data FROM run_series').get();
      const back = decodeFloat64(row?.data ?? new Uint8Array());
      expect(new Uint8Array(back.buffer)).toEqual(new Uint8Array(awkward.buffer));
    } finally {
      workspace.close();
    }
  });
});
