/**
 * `calibrate MODEL.xmile --data DATA.csv --params SPEC.json`: fits the spec's constants, within their bounds, to
 * the data (a `time` column and columns named as model variables) by minimising the weighted squared error with
 * bounded Nelder-Mead (issue 5, point 3; model/sd/calibration). JSON (default): the stamp, the estimates, the
 * objective before and after, iterations, convergence, and per variable the RMSE, R^2 and the data against the
 * fitted model; CSV: the estimates, `parameter,estimate,start,min,max`. Warnings (an estimate on a bound, the
 * iteration limit) go to stderr.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  calibrate,
  calibrationDocument,
  describeDataProblem,
  CALIBRATION_FORMAT,
  estimatesCsv,
  parseCalibrationSpec,
  readCalibrationData,
} from '../../../model/sd/calibration';
import { APP_VERSION } from '../../app-info';
import { InputError, UsageError, onlyFile, parseCommandArgs, parseFormat, type CliCommand } from '../command';
import { writeResult } from '../output';
import { exportedAt, stampComments } from '../stamp';
import { readCsvTable } from './network-metrics';
import { firstProblem, readJsonFile } from './sensitivity';
import { loadModel, parseMethod } from './simulate';

const USAGE = `calibrate MODEL.xmile --data DATA.csv --params SPEC.json [--format json|csv] [--method euler|rk2|rk4] [--out FILE]

Fits model constants to data by minimising the weighted sum of squared errors (bounded Nelder-Mead).
  --data     CSV with a "time" column and one column per observed variable, named as in the model;
             an empty cell is a time the variable was not observed
  --params   JSON: { "parameters": [{ "name": "Room Temperature", "min": 50, "max": 90, "start": 60 }],
             "columns": { "data column": "model variable" | null }, "weights": { "variable": 1 },
             "tolerance": 1e-8, "maxIterations": 2000 }
             start defaults to the model's value; a variable's weight to 1 / the variance of its data
  --format   json (default): stamp, estimates, objective, iterations, convergence, fit per variable;
             csv: parameter,estimate,start,min,max
  --method   integration method instead of the one in the file
  --out      write to FILE instead of standard output
The model's value at a data time is interpolated between its saved times; data outside the run is refused.`;

export const calibrateCommand: CliCommand = {
  name: 'calibrate',
  summary: 'fit model constants to data (time series CSV) by weighted least squares, Nelder-Mead',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      data: { type: 'string' },
      params: { type: 'string' },
      format: { type: 'string' },
      method: { type: 'string' },
      out: { type: 'string' },
    });
    const modelPath = onlyFile(positionals, 'model');
    if (values.data === undefined) throw new UsageError('give the data with --data DATA.csv');
    if (values.params === undefined) throw new UsageError('give the parameters with --params SPEC.json');
    const format = parseFormat(values.format, ['json', 'csv'] as const, 'json');
    const method = parseMethod(values.method);

    const { model, text, fileName } = loadModel(modelPath, io, { method });
    const spec = parseCalibrationSpec(readJsonFile(values.params, 'params', io));
    if (!spec.ok) throw new InputError(`params ${basename(values.params)}: ${firstProblem(spec.errors)}`);
    const table = readCsvTable(values.data, io);
    const data = readCalibrationData(table);
    if (!data.ok) throw new InputError(firstProblem(data.problems.map(describeDataProblem)));
    const fitted = calibrate(model, data.data, spec.value, { fileName });
    if (!fitted.ok) throw new InputError(firstProblem(fitted.errors));
    for (const warning of fitted.result.warnings) io.stderr(`warning: ${warning}\n`);

    const stamp = {
      model: fileName,
      modelHash: createHash('sha256').update(text).digest('hex'),
      data: table.fileName,
      dataHash: createHash('sha256')
        .update(readFileSync(resolve(io.cwd, values.data)))
        .digest('hex'),
      appVersion: APP_VERSION,
      exportedAt: exportedAt(io),
    };
    if (format === 'csv') {
      const comments = stampComments(CALIBRATION_FORMAT, [
        ['model', stamp.model],
        ['model_sha256', stamp.modelHash],
        ['data', stamp.data],
        ['data_sha256', stamp.dataHash],
        ['app_version', stamp.appVersion],
        ['exported_at', stamp.exportedAt],
      ]);
      writeResult(io, `${comments.join('\n')}\n${estimatesCsv(fitted.result)}`, values.out);
      return;
    }
    writeResult(io, JSON.stringify(calibrationDocument(stamp, spec.value, fitted.result)), values.out);
  },
};
