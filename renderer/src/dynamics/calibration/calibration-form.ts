/**
 * The calibration form's state and how it becomes a spec: the data file read by papaparse and checked by the
 * engine (every problem naming the file, row and column), each data column mapped to a model variable (the one of
 * the same name by default) or left out, an optional weight per column (1 / the variance of its data when empty),
 * and the constants to fit with their bounds and start (defaults from the what-if slider's span and the model's
 * value). The spec is checked by the engine's schema, each problem named by the constant.
 */
import Papa from 'papaparse';
import { canonicalName } from '../../../../model/sd';
import {
  DEFAULT_MAX_ITERATIONS,
  describeDataProblem,
  parseCalibrationSpec,
  readCalibrationData,
  type CalibrationData,
  type CalibrationSpec,
} from '../../../../model/sd/calibration';
import type { ChartableVariable } from '../charts/chart-variables';

export interface LoadedData {
  readonly fileName: string;
  readonly text: string;
  readonly data: CalibrationData;
}

export type DataReading =
  | { readonly ok: true; readonly loaded: LoadedData }
  | { readonly ok: false; readonly problems: readonly string[] };

/** A CSV file as calibration data, or its problems (row and column as a spreadsheet numbers them). */
export function readDataFile(fileName: string, text: string): DataReading {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t'] });
  const broken = parsed.errors.find((error) => error.type !== 'Delimiter');
  if (broken !== undefined)
    return {
      ok: false,
      problems: [
        `${fileName}${broken.row === undefined ? '' : ` row ${broken.row + 1}`}: not valid CSV (${broken.message})`,
      ],
    };
  const read = readCalibrationData({ fileName, records: parsed.data });
  if (!read.ok) return { ok: false, problems: read.problems.map(describeDataProblem) };
  return { ok: true, loaded: { fileName, text, data: read.data } };
}

export interface FittedRow {
  readonly name: string;
  readonly value: number;
  readonly chosen: boolean;
  readonly min: string;
  readonly max: string;
  readonly start: string;
}

export interface ColumnRow {
  readonly header: string;
  /** The model variable, or '' to leave the column out. */
  readonly variable: string;
  /** Empty: 1 / the variance of the column's data. */
  readonly weight: string;
}

export interface CalibrationForm {
  readonly parameters: readonly FittedRow[];
  readonly columns: readonly ColumnRow[];
  readonly maxIterations: string;
}

/** Each data column matched to the variable of the same XMILE name, if the model has one. */
export function columnRows(data: CalibrationData, variables: readonly ChartableVariable[]): ColumnRow[] {
  const byId = new Map(variables.map((variable) => [variable.id, variable.name]));
  return data.columns.map((column) => ({
    header: column.header,
    variable: byId.get(canonicalName(column.header)) ?? '',
    weight: '',
  }));
}

export type SpecReading =
  | { readonly ok: true; readonly spec: CalibrationSpec }
  | { readonly ok: false; readonly errors: readonly string[] };

const NUMBER = (text: string): number | undefined => {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
};

export function calibrationSpecOf(form: CalibrationForm): SpecReading {
  const errors: string[] = [];
  const chosen = form.parameters.filter((row) => row.chosen);
  const parameters = chosen.map((row) => {
    const entry: Record<string, unknown> = { name: row.name };
    for (const field of ['min', 'max', 'start'] as const) {
      const value = NUMBER(row[field]);
      if (value === undefined) {
        if (field !== 'start') errors.push(`${row.name}: ${field} is empty`);
      } else if (Number.isNaN(value)) errors.push(`${row.name}: ${field} "${row[field]}" is not a number`);
      else entry[field] = value;
    }
    return entry;
  });
  const weights: Record<string, number> = {};
  for (const column of form.columns) {
    const weight = NUMBER(column.weight);
    if (weight === undefined || column.variable === '') continue;
    if (Number.isNaN(weight))
      errors.push(`Column ${column.header}: weight "${column.weight}" is not a number`);
    else weights[column.variable] = weight;
  }
  const maxIterations = NUMBER(form.maxIterations) ?? DEFAULT_MAX_ITERATIONS;
  if (!Number.isInteger(maxIterations))
    errors.push(`Iterations: "${form.maxIterations}" is not a whole number`);
  if (!form.columns.some((column) => column.variable !== ''))
    errors.push('Match at least one data column to a model variable');
  if (errors.length > 0) return { ok: false, errors };
  const parsed = parseCalibrationSpec({
    parameters,
    columns: Object.fromEntries(form.columns.map((column) => [column.header, column.variable || null])),
    weights,
    maxIterations,
  });
  if (!parsed.ok)
    return {
      ok: false,
      errors: parsed.errors.map((error) => {
        const match = /^parameters\[(\d+)\](?:\.[a-z]+)?: (.*)$/i.exec(error);
        const row = match === null ? undefined : chosen[Number(match[1])];
        return row === undefined || match === null ? error : `${row.name}: ${match[2] ?? ''}`;
      }),
    };
  return { ok: true, spec: parsed.value };
}
