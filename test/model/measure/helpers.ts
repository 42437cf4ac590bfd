/** Shared by the measure tests: CSV files read into the table shape model/ takes (as the CLI reads them). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { DataTable } from '../../../model/stats';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const FIXTURES = resolve(ROOT, 'test/fixtures/measure');

export function tableFromCsv(text: string): DataTable {
  const [columns, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
  return { columns: columns ?? [], rows };
}

export const readTable = (path: string): DataTable => tableFromCsv(readFileSync(resolve(ROOT, path), 'utf8'));

export const readJson = <T>(path: string): T => JSON.parse(readFileSync(resolve(ROOT, path), 'utf8')) as T;

/** R's write.csv: quoted header and text, "" for NA. */
export function readRCsv(path: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(resolve(ROOT, path), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
}
