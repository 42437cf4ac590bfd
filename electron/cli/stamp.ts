/**
 * The date in every CLI export's reproducibility stamp (issue 9: model hash, scenario, seed, app version, date).
 * It is the time of the export, unless SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds.org
 * convention) fixes it, so that a researcher, or a test, can get byte-identical files from two runs.
 */
import { UsageError, type CliIO } from './command';

export function exportedAt(io: CliIO, now: () => Date = () => new Date()): string {
  const epoch = io.env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '') return now().toISOString();
  if (!/^\d+$/.test(epoch.trim()))
    throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}"`);
  return new Date(Number(epoch.trim()) * 1000).toISOString();
}

const oneLine = (text: string): string => text.replace(/\r\n|\r|\n/g, ' ');

/**
 * `# key: value` lines above a CSV header: R's `read.csv(comment.char = "#")` and pandas'
 * `read_csv(comment="#")` skip them.
 */
export function stampComments(
  format: string,
  entries: readonly (readonly [string, string | number])[],
): string[] {
  return [`# ${format}`, ...entries.map(([key, value]) => `# ${key}: ${oneLine(String(value))}`)];
}
