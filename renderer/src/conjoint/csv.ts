/**
 * CSV as the Conjoint and Regression exports write it (the Dynamics exports' convention): the stamp in `#`
 * comment lines above the header, which R (`read.csv(comment.char = "#")`) and pandas (`read_csv(comment="#")`)
 * skip; fields quoted per RFC 4180 when they hold a comma, quote or line break; numbers in JavaScript's
 * shortest round-trip form, and an empty cell for a missing or non-finite one.
 */

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Comment lines `# key: value` (one line each), then the header and rows. */
export function stampedCsv(
  stamp: readonly (readonly [string, string | number | null])[],
  columns: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  const oneLine = (text: string) => text.replace(/\r\n|\r|\n/g, ' ');
  const lines = [
    ...stamp.map(([key, value]) => `# ${key}: ${oneLine(value === null ? 'none' : String(value))}`),
    columns.map(csvField).join(','),
    ...rows.map((row) => row.map(csvField).join(',')),
  ];
  return `${lines.join('\n')}\n`;
}
