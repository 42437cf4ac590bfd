/** Reads a CSV fixture into the DataTable shape the CLI hands to model/ (papaparse, as the CLI does). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { DataTable } from '../../../model/stats';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

export function readFixtureTable(relativePath: string): DataTable {
  const parsed = Papa.parse<string[]>(readFileSync(resolve(FIXTURES, relativePath), 'utf8'), {
    skipEmptyLines: true,
  });
  const [columns = [], ...rows] = parsed.data;
  return { columns, rows };
}

export function readFixtureJson(relativePath: string): unknown {
  return JSON.parse(readFileSync(resolve(FIXTURES, relativePath), 'utf8'));
}
