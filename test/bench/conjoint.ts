/**
 * Conjoint estimation speed: MNL by Newton-Raphson on Fishing (1,182 choice sets x 4 alternatives, 5
 * parameters; median of repeated fits, and the whole import + coding + fit), MNL on a simulated 300-respondent
 * study (3,600 sets), and hierarchical Bayes milliseconds per 1,000 iterations on that study (after the
 * sampler's set-up, which is timed apart), as wall-clock and as this process's CPU time (the CPU figure is
 * steadier on a shared machine). DESIGN.md's budget: MNL on 1,000+ choice sets well under a second; HB with
 * progress and cancel. For scale: bayesm's rhierMnlRwMixture (compiled C++) took about 1.9 s of CPU per 1,000
 * iterations on a 300-respondent, 12-task, 7-parameter study on these machines.
 */
import { performance } from 'node:perf_hooks';
import { medianMsPerRun } from '../../electron/cli/commands/bench';
import {
  choiceDesign,
  choiceSetsFromData,
  createHbSampler,
  fitMnl,
  importChoicesLong,
  parameterLayout,
  simulateChoices,
  studySchema,
  type EstimationAttribute,
} from '../../model/conjoint';
import { readFixtureTable } from '../model/stats/fixture-table';
import type { Benchmark } from './main';

const FISHING_OPTIONS = {
  respondent: 'id',
  alternative: 'alt',
  choice: 'choice',
  attributes: ['alt', 'price', 'catch'],
  numeric: ['price', 'catch'],
};

/** The sample study's shape: 4 categorical attributes and a numeric price, 3 profiles and None per task. */
function simulatedStudy(respondents: number) {
  const study = studySchema.parse({
    name: 'bench',
    attributes: [
      { kind: 'categorical', name: 'reply', levels: ['1 hour', '4 hours', '24 hours'] },
      { kind: 'categorical', name: 'agent', levels: ['bot', 'human'] },
      { kind: 'categorical', name: 'follow-up', levels: ['no', 'yes'] },
      { kind: 'categorical', name: 'understood', levels: ['no', 'somewhat', 'yes'] },
      { kind: 'numeric', name: 'price', levels: [0, 5, 10, 15] },
    ],
  });
  const attributes: EstimationAttribute[] = study.attributes.map((attribute) =>
    attribute.kind === 'numeric'
      ? { kind: 'numeric', name: attribute.name, values: attribute.levels }
      : { kind: 'categorical', name: attribute.name, levels: attribute.levels },
  );
  const layout = parameterLayout(attributes, { coding: 'dummy', none: true });
  const design = choiceDesign(study, {
    versions: 30,
    tasks: 12,
    alternatives: 3,
    method: 'balanced-overlap',
    none: true,
    seed: 1,
  });
  const prices = [0, 5, 10, 15];
  const simulated = simulateChoices({
    layout,
    design,
    respondents,
    mean: [-0.4, -1.2, 0.8, 0.6, 0.7, 1.4, -0.12, 0.5],
    sd: [0.4, 0.6, 0.6, 0.5, 0.5, 0.7, 0.05, 0.8],
    seed: 2,
    levelValue: (attribute, level) => (attribute === 4 ? (prices[level] as number) : level),
  });
  return choiceSetsFromData(simulated.data, layout);
}

export const conjointBenchmark: Benchmark = {
  name: 'conjoint (MNL, hierarchical Bayes)',
  async run(print) {
    const table = readFixtureTable('conjoint/fishing_long.csv');
    const data = importChoicesLong(table, FISHING_OPTIONS);
    if (!data.ok) throw new Error('Fishing does not import');
    const layout = parameterLayout(data.value.attributes, { coding: 'dummy' });
    const sets = choiceSetsFromData(data.value, layout);
    const fit = medianMsPerRun(() => fitMnl(sets), 50);
    print(
      `MNL Fishing (1,182 sets x 4 alternatives, 5 parameters): ${fit.msPerRun.toFixed(2)} ms per fit (median)`,
    );
    const whole = medianMsPerRun(() => {
      const imported = importChoicesLong(table, FISHING_OPTIONS);
      if (!imported.ok) throw new Error('Fishing does not import');
      return fitMnl(
        choiceSetsFromData(imported.value, parameterLayout(imported.value.attributes, { coding: 'dummy' })),
      );
    }, 20);
    print(`MNL Fishing, import + coding + fit: ${whole.msPerRun.toFixed(2)} ms (median)`);

    const study = simulatedStudy(300);
    const large = medianMsPerRun(() => fitMnl(study), 20);
    print(
      `MNL simulated study (300 respondents x 12 tasks = 3,600 sets x 4 alternatives incl. None, 8 parameters): ${large.msPerRun.toFixed(2)} ms per fit (median)`,
    );

    const setUpStart = performance.now();
    const sampler = createHbSampler(study, { iterations: 3200, burnIn: 1000, seed: 1 });
    const setUp = performance.now() - setUpStart;
    if (!sampler.ok) throw new Error(sampler.error);
    sampler.value.advance(200); // warm-up: let the JIT compile the loops
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let round = 0; round < 3; round++) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      sampler.value.advance(1000);
      const used = process.cpuUsage(cpuStart);
      wall.push(performance.now() - start);
      cpu.push((used.user + used.system) / 1000);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1] as number;
    print(
      `HB set-up (pooled MNL, fractional-likelihood start per respondent), 300 respondents: ${setUp.toFixed(0)} ms`,
    );
    print(
      `HB 300 respondents x 12 tasks, 8 parameters: ${median(wall).toFixed(0)} ms per 1,000 iterations (${median(cpu).toFixed(0)} ms CPU; median of 3)`,
    );
  },
};
