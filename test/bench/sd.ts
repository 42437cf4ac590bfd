/**
 * System-dynamics engine speed: median milliseconds per run (simulation only, after a JIT warm-up) of
 * teacup (240 steps), logistic growth (100 steps), an SIR model (3,200 steps) and the empathy reference
 * model when sample-data has it; and SDEverywhere's generated JavaScript on the same teacup and SIR models,
 * run through @sdeverywhere/runtime in this process and timed the same way, with the ratio ours/theirs.
 * DESIGN.md's budget: no slower than SDEverywhere (about 0.013-0.017 ms for teacup here).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateCode, parseModel } from '@sdeverywhere/compile';
import { createSynchronousModelRunner, type JsModel } from '@sdeverywhere/runtime';
import { medianMsPerRun } from '../../electron/cli/commands/bench';
import { compileModel, readXmile } from '../../model/sd';
import type { Benchmark } from './main';

const ROOT = resolve(import.meta.dirname, '../..');
const TEACUP = 'test/fixtures/sd-test-models/core-xmile/sample_teacup';
const MODELS = [
  { label: 'teacup', xmile: `${TEACUP}/teacup.xmile`, mdl: `${TEACUP}/teacup.mdl`, runs: 5000 },
  {
    label: 'logistic growth',
    xmile: 'test/fixtures/sd-test-models/ltm-reference/logistic_growth_ltm/logistic_growth.stmx',
    runs: 5000,
  },
  { label: 'SIR', xmile: 'test/fixtures/bench/sir.xmile', mdl: 'test/fixtures/bench/sir.mdl', runs: 500 },
];

interface Measured {
  readonly steps: number;
  readonly msPerRun: number;
}

function timeOurs(path: string, runs: number): Measured {
  const read = readXmile(readFileSync(resolve(ROOT, path), 'utf8'), basename(path));
  if (!read.ok) throw new Error(read.errors.map((error) => error.message).join('; '));
  const compiled = compileModel(read.value);
  if (!compiled.ok) throw new Error(compiled.errors.map((error) => error.message).join('; '));
  const runner = compiled.value.createRunner();
  return { steps: compiled.value.specs.steps, msPerRun: medianMsPerRun(() => runner.run(), runs).msPerRun };
}

/** Compiles a Vensim model with SDEverywhere to JavaScript, loads it, and times runs through its runtime. */
async function timeSdeverywhere(path: string, runs: number, scratch: string): Promise<Measured> {
  const modelDir = dirname(resolve(ROOT, path));
  const parsed = parseModel(readFileSync(resolve(ROOT, path), 'utf8'), 'vensim', modelDir);
  const outputVarNames = [
    ...readFileSync(resolve(ROOT, path), 'utf8').matchAll(/^([A-Za-z][\w ]*?)\s*=(?!=)/gm),
  ]
    .map((match) => (match[1] ?? '').trim())
    .filter((name) => !['FINAL TIME', 'INITIAL TIME', 'TIME STEP', 'SAVEPER'].includes(name));
  const code = String(
    generateCode(parsed, {
      spec: { inputVarNames: [], outputVarNames },
      operations: ['generateJS'],
      extData: new Map(),
      directData: new Map(),
      modelDirname: modelDir,
    }),
  );
  const file = join(scratch, `${basename(path, '.mdl')}.js`);
  writeFileSync(file, code);
  const module = (await import(pathToFileURL(file).href)) as { default: () => Promise<JsModel> };
  const model = await module.default();
  const runner = createSynchronousModelRunner(model);
  const outputs = runner.createOutputs();
  const run = runner.runModelSync;
  if (run === undefined) throw new Error('the SDEverywhere runner has no synchronous run');
  const steps = Math.round((model.getFinalTime() - model.getInitialTime()) / model.getTimeStep());
  return { steps, msPerRun: medianMsPerRun(() => run.call(runner, [], outputs), runs).msPerRun };
}

const ms = (value: number): string => `${value.toPrecision(3)} ms/run`;

export const systemDynamicsBenchmark: Benchmark = {
  name: 'system dynamics (model/sd): median ms per run, simulation only',
  async run(print) {
    const scratch = mkdtempSync(join(tmpdir(), 'sde-bench-'));
    for (const model of MODELS) {
      const ours = timeOurs(model.xmile, model.runs);
      let line = `${`${model.label} (${ours.steps} steps)`.padEnd(26)} ours ${ms(ours.msPerRun).padEnd(16)}`;
      if (model.mdl !== undefined) {
        const theirs = await timeSdeverywhere(model.mdl, model.runs, scratch);
        line += ` SDEverywhere JS ${ms(theirs.msPerRun).padEnd(16)} ours/theirs ${(ours.msPerRun / theirs.msPerRun).toFixed(2)}`;
      }
      print(line);
    }
    const sampleData = resolve(ROOT, 'sample-data');
    const references = existsSync(sampleData)
      ? readdirSync(sampleData).filter((file) => /empathy/i.test(file) && /\.(xmile|stmx)$/.test(file))
      : [];
    if (references.length === 0) print('empathy reference model      not in sample-data yet');
    for (const file of references) {
      const ours = timeOurs(join('sample-data', file), 500);
      print(`${`${file} (${ours.steps} steps)`.padEnd(26)} ours ${ms(ours.msPerRun)}`);
    }
  },
};
