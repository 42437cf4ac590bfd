/**
 * Pseudonyms for a table of people (a survey with one row per respondent, a KPI export per employee): the
 * same rule as pseudonymizeGraph (pseudonyms.ts), for the shape model/stats reads CSV into. The id column's
 * cells become pseudonyms, the identifying columns are dropped (the id column is kept, renamed in place), and
 * the mapping back is returned for the caller to keep only if the user asks.
 */
import type { DataTable } from '../stats/data-table';
import { isIdentifyingColumn, realNameOf, type PseudonymEntry } from './pseudonyms';

export interface PseudonymizedTable {
  readonly table: DataTable;
  readonly mapping: PseudonymEntry[];
  /** The columns dropped, in the table's order. */
  readonly droppedColumns: string[];
}

/**
 * `idColumn` names the column holding each person's id (respondent, employee); a table without one has no
 * stable person to map, so its identifying columns are dropped and the mapping is empty. Blank ids stay blank.
 */
export function pseudonymizeTable(
  table: DataTable,
  idColumn: string | undefined,
  pseudonymOf: (realId: string) => string,
): PseudonymizedTable {
  const idIndex = idColumn === undefined ? -1 : table.columns.indexOf(idColumn);
  const keep = table.columns.map((column, index) => index === idIndex || !isIdentifyingColumn(column));
  const mapping = new Map<string, PseudonymEntry>();
  const rows = table.rows.map((row) => {
    const cells = table.columns.map((_column, index) => row[index] ?? '');
    const realId = idIndex < 0 ? '' : (cells[idIndex] ?? '').trim();
    if (realId !== '') {
      const attributes = Object.fromEntries(
        table.columns.map((column, index) => [column, cells[index] ?? '']),
      );
      const realName = realNameOf(attributes);
      const pseudonym = mapping.get(realId)?.pseudonym ?? pseudonymOf(realId);
      mapping.set(realId, { realId, ...(realName === undefined ? {} : { realName }), pseudonym });
      cells[idIndex] = pseudonym;
    }
    return cells.filter((_cell, index) => keep[index]);
  });
  return {
    table: { columns: table.columns.filter((_column, index) => keep[index]), rows },
    mapping: [...mapping.values()],
    droppedColumns: table.columns.filter((_column, index) => !keep[index]),
  };
}
