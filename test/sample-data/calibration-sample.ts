/**
 * The generator of sample-data/calibration/empathy-kpis.csv: what the empathy reference model says its customers
 * and cash are every quarter for ten years with a training budget of 3% of revenue and leadership commitment 0.7
 * (the model's own values are 1% and 0.5), plus seeded normal noise of 2% of each series' spread. A calibration
 * of those two levers to the file should find 0.03 and 0.7 again; `calibration-sample.test.ts` checks that the
 * committed file is exactly what this writes.
 *
 * Regenerate the file:  npx tsx test/sample-data/calibration-sample.ts --write
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileModel, readXmile, simulate } from '../../model/sd';
import { RandomStream } from '../../model/sd/random';
import { seriesOf } from '../../model/sd/results';

export const CALIBRATION_SAMPLE = resolve(
  import.meta.dirname,
  '../../sample-data/calibration/empathy-kpis.csv',
);
export const TRUTH = { 'Training budget': 0.03, 'Leadership commitment': 0.7 } as const;
export const OBSERVED = ['Customers', 'Cash'] as const;
export const NOISE = 0.02;
export const SEED = 7;
/** Every quarter of the model's 120 months. */
const TIMES = Array.from({ length: 41 }, (_, index) => index * 3);

export function calibrationSampleCsv(): string {
  const path = resolve(import.meta.dirname, '../../sample-data/empathy-smb.xmile');
  const read = readXmile(readFileSync(path, 'utf8'), 'empathy-smb.xmile');
  if (!read.ok) throw new Error(read.errors[0]?.message);
  const compiled = compileModel(read.value);
  if (!compiled.ok) throw new Error(compiled.errors[0]?.message);
  const parameters = compiled.value.parameterVector(TRUTH);
  if (!parameters.ok) throw new Error(parameters.errors[0]?.message);
  const run = simulate(compiled.value, { parameters: parameters.value });
  const stream = new RandomStream(SEED);
  const rowOf = (time: number) => run.time.findIndex((saved) => Math.abs(saved - time) < 1e-9);
  const columns = OBSERVED.map((variable) => {
    const series = seriesOf(run, variable);
    if (series === undefined) throw new Error(`the model has no ${variable}`);
    const clean = TIMES.map((time) => series[rowOf(time)] as number);
    const mean = clean.reduce((sum, value) => sum + value, 0) / clean.length;
    const sd = Math.sqrt(clean.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (clean.length - 1));
    return clean.map((value) => value + stream.normal(0, NOISE * sd));
  });
  const rows = TIMES.map((time, row) =>
    [time, ...columns.map((values) => Number((values[row] as number).toPrecision(6)))].join(','),
  );
  return `${['time', ...OBSERVED].join(',')}\n${rows.join('\n')}\n`;
}

if (process.argv.includes('--write')) writeFileSync(CALIBRATION_SAMPLE, calibrationSampleCsv());
