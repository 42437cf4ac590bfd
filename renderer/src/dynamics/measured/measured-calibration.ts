/**
 * A measured series as calibration data (issue 10, point 4): the same CalibrationData a data CSV gives, read by
 * the engine's own reader from the `time,<kpi>` table the series makes, so the rest of the calibration runs
 * unchanged; the name it is saved under says where it came from
 * ("Measured: KPIs by team / Customer Care / customer_retention (quarter)").
 */
import { describeDataProblem, readCalibrationData } from '../../../../model/sd/calibration';
import type { ColumnRow, DataReading } from '../calibration/calibration-form';
import { measuredSourceName, type MeasuredChoice } from './measured-choice';
import { seriesCsv, type ScaledSeries } from './measured-options';

export function measuredCalibrationData(series: ScaledSeries, choice: MeasuredChoice): DataReading {
  const fileName = measuredSourceName(choice);
  const text = seriesCsv(series, choice.kpi);
  const records = [
    ['time', choice.kpi],
    ...Array.from(series.times, (time, index) => [String(time), String(series.values[index])]),
  ];
  const read = readCalibrationData({ fileName, records });
  if (!read.ok) return { ok: false, problems: read.problems.map(describeDataProblem) };
  return { ok: true, loaded: { fileName, text, data: read.data } };
}

/** The one data column, fitted to the variable chosen with the series (its weight kept when it stays). */
export function measuredColumns(choice: MeasuredChoice, previous: readonly ColumnRow[]): ColumnRow[] {
  const weight = previous.find((row) => row.header === choice.kpi)?.weight ?? '';
  return [{ header: choice.kpi, variable: choice.variable, weight }];
}
