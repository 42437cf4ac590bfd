/**
 * A KPI file's optional `n` column: the people behind each figure, which the minimum group size (issue 11,
 * point 2) is checked against. One reading for the import (which refuses a bad cell), `kpi series` and the KPIs
 * tab, so a file the import accepts is one the CLI and the tab read alike.
 */
import {
  cellAt,
  isMissing,
  parseNumberCell,
  spreadsheetRow,
  type CellProblem,
  type DataTable,
} from '../../stats/data-table';

export interface GroupSizes {
  /**
   * Each unit's smallest `n` over its rows (the smallest, so the check holds in every period), or undefined when
   * the file has no `n` column or no `unit`/`team` column (then a unit's size is not known from the file).
   */
  readonly sizes: ReadonlyMap<string, number> | undefined;
  /** Each `n` cell that is not a whole number from 0, named by row and column; an empty cell is no problem. */
  readonly problems: readonly CellProblem[];
}

/**
 * The sizes in a KPI table's `n` column. Column names are matched ignoring case, as parseKpiSeries matches
 * `date, unit|team, kpi, value`, and the unit column is the first `unit` or `team`, as there, so a size belongs
 * to the unit its observations are read under. The cells are checked even without a unit column.
 */
export function readGroupSizes(table: DataTable): GroupSizes {
  const lower = table.columns.map((column) => column.toLowerCase());
  const nAt = lower.indexOf('n');
  if (nAt < 0) return { sizes: undefined, problems: [] };
  const column = table.columns[nAt] ?? 'n';
  const unitAt = lower.findIndex((name) => name === 'unit' || name === 'team');
  const sizes = new Map<string, number>();
  const problems: CellProblem[] = [];
  table.rows.forEach((cells, index) => {
    const cell = cellAt(cells, nAt);
    if (isMissing(cell)) return;
    const count = parseNumberCell(cell);
    if (count === undefined || !Number.isInteger(count) || count < 0) {
      const row = spreadsheetRow(index);
      problems.push({
        row,
        column,
        message: `row ${row}, column "${column}": "${cell.trim()}" is not a number of people (a whole number from 0)`,
      });
      return;
    }
    if (unitAt < 0) return;
    const unit = cellAt(cells, unitAt).trim();
    const known = sizes.get(unit);
    if (known === undefined || count < known) sizes.set(unit, count);
  });
  return { sizes: unitAt < 0 ? undefined : sizes, problems };
}

/**
 * The people in each unit as far as anything says: the sizes the user saved for the data set and the file's `n`
 * column, the smaller where both give one (the minimum group size must hold by either account). A unit neither
 * names is of unknown size. The KPIs tab, the figures offered to the Dynamics model and measured series on a
 * Dynamics chart all use it, so a unit hidden in one is hidden in all.
 */
export function knownUnitSizes(
  table: DataTable | undefined,
  saved: Readonly<Record<string, number>>,
): { sizes: Map<string, number>; problems: readonly CellProblem[] } {
  const read = table === undefined ? undefined : readGroupSizes(table);
  const sizes = new Map(read?.sizes ?? []);
  for (const [unit, size] of Object.entries(saved)) sizes.set(unit, Math.min(size, sizes.get(unit) ?? size));
  return { sizes, problems: read?.problems ?? [] };
}
