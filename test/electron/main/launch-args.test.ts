import { describe, expect, it } from 'vitest';
import { dataDirFlag } from '../../../electron/main/launch-args';

describe('--data-dir', () => {
  it('is read in both forms', () => {
    expect(dataDirFlag(['/opt/electron', '.', '--data-dir=/tmp/ws'])).toBe('/tmp/ws');
    expect(dataDirFlag(['/opt/electron', '.', '--data-dir', '/tmp/ws'])).toBe('/tmp/ws');
    expect(dataDirFlag(['empathy-workbench', '--data-dir', 'relative/ws', '--other'])).toBe('relative/ws');
  });

  it('is absent when not given, empty or missing its value', () => {
    expect(dataDirFlag(['electron', '.'])).toBeUndefined();
    expect(dataDirFlag(['electron', '.', '--data-dir='])).toBeUndefined();
    expect(dataDirFlag(['electron', '.', '--data-dir'])).toBeUndefined();
    expect(dataDirFlag(['electron', '.', '--data-dir', '--inspect'])).toBeUndefined();
    expect(dataDirFlag(['electron', '.', '--data-directory=/x'])).toBeUndefined();
  });

  it('takes the last one when given twice', () => {
    expect(dataDirFlag(['e', '--data-dir=/a', '--data-dir', '/b'])).toBe('/b');
  });
});
