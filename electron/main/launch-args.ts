/**
 * The app's own command-line options. Electron passes unknown switches through to `process.argv` (and to the
 * first instance's `second-instance` event), so `electron . --data-dir ~/work` and a packaged
 * `empathy-workbench --data-dir=~/work` both arrive here.
 */
export const DATA_DIR_FLAG = '--data-dir';

/** The value of `--data-dir=X` or `--data-dir X`; the last one wins, as in most command lines. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === undefined) continue;
    if (arg.startsWith(`${DATA_DIR_FLAG}=`)) {
      found = arg.slice(DATA_DIR_FLAG.length + 1);
    } else if (arg === DATA_DIR_FLAG) {
      const value = argv[index + 1];
      if (value !== undefined && !value.startsWith('--')) {
        found = value;
        index += 1;
      }
    }
  }
  return found === '' ? undefined : found;
}
