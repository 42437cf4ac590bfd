/**
 * The calibration sample (sample-data/calibration/empathy-kpis.csv) is what its generator writes, and fitting the
 * two levers it was generated with finds them again within 3% (the noise is 2% of each series' spread).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { compileModel, readXmile } from '../../model/sd';
import { calibrate, parseCalibrationSpec, readCalibrationData } from '../../model/sd/calibration';
import { CALIBRATION_SAMPLE, TRUTH, calibrationSampleCsv } from './calibration-sample';

describe('the calibration sample', () => {
  const text = readFileSync(CALIBRATION_SAMPLE, 'utf8');

  it('is exactly what the generator writes', () => {
    expect(text).toBe(calibrationSampleCsv());
  });

  it('gives back the training budget and leadership commitment it was made with', () => {
    const read = readXmile(
      readFileSync(resolve(import.meta.dirname, '../../sample-data/empathy-smb.xmile'), 'utf8'),
      'empathy-smb.xmile',
    );
    if (!read.ok) throw new Error('model');
    const model = compileModel(read.value);
    if (!model.ok) throw new Error('compile');
    const data = readCalibrationData({
      fileName: 'empathy-kpis.csv',
      records: Papa.parse<string[]>(text, { skipEmptyLines: true }).data,
    });
    if (!data.ok) throw new Error(data.problems[0]?.message);
    const spec = parseCalibrationSpec({
      parameters: [
        { name: 'Training budget', min: 0, max: 0.05 },
        { name: 'Leadership commitment', min: 0, max: 1 },
      ],
    });
    if (!spec.ok) throw new Error(spec.errors[0]);
    const fitted = calibrate(model.value, data.data, spec.value);
    if (!fitted.ok) throw new Error(fitted.errors[0]);
    const [training, leadership] = fitted.result.parameters;
    expect(Math.abs((training?.estimate ?? 0) / TRUTH['Training budget'] - 1)).toBeLessThan(0.03);
    expect(Math.abs((leadership?.estimate ?? 0) / TRUTH['Leadership commitment'] - 1)).toBeLessThan(0.03);
  });
});
