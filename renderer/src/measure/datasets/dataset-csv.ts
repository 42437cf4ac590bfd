/**
 * A data set's table as a CSV file (issue 11, point 1: exports say whether they hold real names). A CSV cannot
 * carry a comment line (an importer would read it as the header), so, as the network's export does, the file's
 * name says it: "... (pseudonyms).csv" for a pseudonymized data set; a table as imported keeps its plain name.
 * Quoting by papaparse (RFC 4180); a byte-order mark leads so that Excel reads UTF-8.
 */
import Papa from 'papaparse';
import type { MeasurePrivacy, MeasureTable } from '../../../../electron/api/contract';

const BOM = '\uFEFF';

/** What the names in a data set are, in the words the export button and the panel use. */
export type NamesHeld = 'pseudonyms' | 'real' | 'none';

/**
 * Pseudonyms when the ids were replaced at import; real ids and names when the table has a person's id column
 * as imported; none when it has no id column and no identifying column (a KPI series of units and dates).
 */
export function namesHeld(privacy: MeasurePrivacy, identifyingColumns: readonly string[]): NamesHeld {
  if (privacy.pseudonymized) return 'pseudonyms';
  return privacy.idColumn === null && identifyingColumns.length === 0 ? 'none' : 'real';
}

export const NAMES_SENTENCE: Readonly<Record<NamesHeld, string>> = {
  pseudonyms: 'The file holds pseudonyms, never the key.',
  real: 'The file holds people’s ids and names as imported.',
  none: 'The file holds the table as imported; it has no column of people’s ids or names.',
};

/** The file a data set's table is exported to: its name, with " (pseudonyms)" when it holds pseudonyms. */
export function datasetCsvFileName(name: string, privacy: MeasurePrivacy): string {
  return `${name}${privacy.pseudonymized ? ' (pseudonyms)' : ''}.csv`;
}

export function datasetCsvText(table: MeasureTable): string {
  return BOM + Papa.unparse({ fields: [...table.columns], data: table.rows.map((row) => [...row]) });
}
