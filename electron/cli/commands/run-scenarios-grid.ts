/**
 * The scenario grid of `run-scenarios`: a CSV table whose rows are scenarios and whose columns are model
 * constants. The first column may be `scenario` (the rows' names; otherwise they are row1, row2, ...). Every
 * other column names a constant of the model, matched as the engine matches names (case, spaces and
 * underscores ignored), or a stock whose initial value is a number. An empty cell keeps the model's own value,
 * so a sparse grid need not repeat the defaults. Rows are numbered as a spreadsheet shows them (header = 1).
 */
import { canonicalName, type CompiledModel } from '../../../model/sd';
import { parseNumberCell, spreadsheetRow, type DataTable } from '../../../model/stats/data-table';
import { InputError } from '../command';

export interface ScenarioGrid {
  /** One per row, unique. */
  readonly names: readonly string[];
  /** The constants the grid sets, named as in the model, in column order. */
  readonly columns: readonly string[];
  /** Row-major: one full parameter vector (the model's values where a cell is empty) per row. */
  readonly parameters: Float64Array;
  /** Per row: the values the grid sets, by the constant's name in the model (empty cells left out). */
  readonly overrides: readonly Readonly<Record<string, number>>[];
}

const SCENARIO_COLUMN = 'scenario';

/** Why a header names no constant: an unknown name, or a variable computed from an equation. */
function notAConstant(model: CompiledModel, column: string): string {
  const check = model.parameterVector({ [column]: 0 });
  return check.ok ? `"${column}" is not a constant of the model` : (check.errors[0]?.message ?? '');
}

export function readScenarioGrid(table: DataTable, model: CompiledModel, fileName: string): ScenarioGrid {
  const named = canonicalName(table.columns[0] ?? '') === SCENARIO_COLUMN;
  const valueColumns = table.columns.slice(named ? 1 : 0);
  if (valueColumns.length === 0)
    throw new InputError(`${fileName}: the header names no model constant (one column per constant)`);
  const seen = new Map<string, string>();
  const indices = valueColumns.map((column, offset) => {
    const where = `${fileName} row 1, column ${offset + (named ? 2 : 1)}`;
    if (column === '') throw new InputError(`${where}: the header is empty (name a model constant)`);
    const id = canonicalName(column);
    const earlier = seen.get(id);
    if (earlier !== undefined)
      throw new InputError(`${where}: "${column}" names the same constant as the column "${earlier}"`);
    seen.set(id, column);
    const index = model.parameterIndex(column);
    if (index < 0) throw new InputError(`${where}: ${notAConstant(model, column)}`);
    return index;
  });
  const columns = indices.map((index) => model.parameters[index]?.name ?? '');
  if (table.rows.length === 0)
    throw new InputError(`${fileName}: the grid has no rows (one row per scenario under the header)`);

  const width = model.parameters.length;
  const defaults = model.defaultParameters();
  const parameters = new Float64Array(table.rows.length * width);
  const names: string[] = [];
  const taken = new Map<string, number>();
  const overrides = table.rows.map((row, index) => {
    const rowNumber = spreadsheetRow(index);
    const name = named ? (row[0] ?? '').trim() : `row${index + 1}`;
    if (name === '')
      throw new InputError(
        `${fileName} row ${rowNumber}, column ${SCENARIO_COLUMN}: the scenario has no name`,
      );
    const first = taken.get(name);
    if (first !== undefined)
      throw new InputError(
        `${fileName} row ${rowNumber}, column ${SCENARIO_COLUMN}: "${name}" is already the name of row ${first}`,
      );
    taken.set(name, rowNumber);
    names.push(name);
    parameters.set(defaults, index * width);
    const set: Record<string, number> = {};
    valueColumns.forEach((column, offset) => {
      const cell = row[offset + (named ? 1 : 0)] ?? '';
      if (cell.trim() === '') return;
      const value = parseNumberCell(cell);
      if (value === undefined)
        throw new InputError(`${fileName} row ${rowNumber}, column ${column}: "${cell}" is not a number`);
      parameters[index * width + (indices[offset] as number)] = value;
      set[columns[offset] as string] = value;
    });
    if (row.length > table.columns.length)
      throw new InputError(
        `${fileName} row ${rowNumber}: ${row.length} cells for ${table.columns.length} columns in the header`,
      );
    return set;
  });
  return { names, columns, parameters, overrides };
}
