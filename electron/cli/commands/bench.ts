/**
 * `bench MODEL.xmile [--runs N]`: times simulation alone (reading and compiling excluded) and prints one
 * JSON line `{"model", "steps", "msPerRun", "engine"}`: the median milliseconds per run, and what ran the steps. Runs are timed in
 * batches long enough for the clock's resolution, after a warm-up that lets the JIT compile the closures.
 */
import { performance } from 'node:perf_hooks';
import { onlyFile, parseCommandArgs, parsePositiveIntFlag, type CliCommand } from '../command';
import { loadModel, parseMethod } from './simulate';

export interface Timing {
  /** Median over batches of the mean time per run, in milliseconds. */
  readonly msPerRun: number;
  readonly runs: number;
}

/**
 * Times `run` about `runs` times: a warm-up of the same size, then batches of at least a few milliseconds
 * each (a single run can be shorter than the clock's resolution); the median batch mean is the answer.
 */
export function medianMsPerRun(run: () => unknown, runs: number): Timing {
  const warmUpUntil = performance.now() + 200;
  let warmUps = 0;
  while (warmUps < runs || performance.now() < warmUpUntil) {
    run();
    warmUps++;
  }
  const probeStart = performance.now();
  run();
  const single = Math.max(performance.now() - probeStart, 1e-4);
  const batch = Math.max(1, Math.min(runs, Math.ceil(2 / single)));
  const batches = Math.max(5, Math.ceil(runs / batch));
  const means: number[] = [];
  for (let index = 0; index < batches; index++) {
    const start = performance.now();
    for (let inner = 0; inner < batch; inner++) run();
    means.push((performance.now() - start) / batch);
  }
  means.sort((a, b) => a - b);
  const middle = means.length >> 1;
  const median =
    means.length % 2 === 1
      ? (means[middle] as number)
      : ((means[middle - 1] as number) + (means[middle] as number)) / 2;
  return { msPerRun: median, runs: batches * batch };
}

const USAGE = `bench MODEL.xmile [--runs N] [--method euler|rk2|rk4]

Times the simulation of a model (reading and compiling excluded) and prints one JSON line:
{"model": file name, "steps": dt steps per run, "msPerRun": median milliseconds per run, "engine": "webassembly loop", "webassembly equations" or "closures"}.
  --runs     number of timed runs (default 1000), after as many warm-up runs
  --method   integration method instead of the one in the file`;

export const benchCommand: CliCommand = {
  name: 'bench',
  summary: 'time the simulation of a model (median ms per run, as one JSON line)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      runs: { type: 'string' },
      method: { type: 'string' },
    });
    const modelPath = onlyFile(positionals, 'model');
    const runs = values.runs === undefined ? 1000 : parsePositiveIntFlag('--runs', values.runs);
    const { model, fileName, parameters } = loadModel(modelPath, io, {
      method: parseMethod(values.method),
    });
    const runner = model.createRunner();
    const timing = medianMsPerRun(() => runner.run({ parameters }), runs);
    io.stdout(
      `${JSON.stringify({ model: fileName, steps: model.specs.steps, msPerRun: Number(timing.msPerRun.toPrecision(4)), engine: runner.backend })}\n`,
    );
  },
};
