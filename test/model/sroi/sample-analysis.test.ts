/**
 * The sample analysis (sample-data/sroi/empathy-training.json): it validates and gives a finite ratio; its
 * links name a variable of the empathy reference model and two of its shipped scenarios; and evaluated
 * against real runs of the model (the path the app will take) it still gives a finite ratio, with the
 * staff-retention figure the file states for year 1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModel, readXmile, seriesOf, simulate } from '../../../model/sd';
import { scenarioFileSchema } from '../../../model/schema/scenario';
import {
  evaluateAnalysis,
  parseAnalysis,
  quantitiesFromRuns,
  timeUnitsPerYear,
  type SroiAnalysis,
} from '../../../model/sroi';

const ROOT = resolve(import.meta.dirname, '../../..');
const SAMPLE = join(ROOT, 'sample-data/sroi/empathy-training.json');
const MODEL = join(ROOT, 'sample-data/empathy-smb.xmile');
const SCENARIOS = join(ROOT, 'sample-data/scenarios');

function sample(): SroiAnalysis {
  const parsed = parseAnalysis(JSON.parse(readFileSync(SAMPLE, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.map((issue) => issue.message).join('; '));
  return parsed.value;
}

const scenarios = () =>
  readdirSync(SCENARIOS)
    .filter((file) => file.endsWith('.json'))
    .map((file) => scenarioFileSchema.parse(JSON.parse(readFileSync(join(SCENARIOS, file), 'utf8'))));

function compiledModel() {
  const read = readXmile(readFileSync(MODEL, 'utf8'), 'empathy-smb.xmile');
  if (!read.ok) throw new Error(read.errors.map((error) => error.message).join('; '));
  const compiled = compileModel(read.value);
  if (!compiled.ok) throw new Error(compiled.errors.map((error) => error.message).join('; '));
  return { document: read.value, model: compiled.value };
}

describe('the sample SROI analysis', () => {
  it('validates and evaluates to a finite ratio, warning that its links were not run', () => {
    const evaluated = evaluateAnalysis(sample());
    expect(evaluated.ok).toBe(true);
    if (!evaluated.ok) return;
    expect(Number.isFinite(evaluated.value.ratio)).toBe(true);
    expect(evaluated.value.ratio).toBeGreaterThan(0);
    expect(evaluated.warnings.map((warning) => warning.outcomeId)).toEqual([
      'staff-retention',
      'customer-retention',
    ]);
  });

  it('states a source or an assumption for every proxy and a reason for every excluded stakeholder', () => {
    const analysis = sample();
    for (const outcome of analysis.outcomes) {
      expect(outcome.proxySource.length).toBeGreaterThan(40);
      expect(outcome.notes?.length ?? 0).toBeGreaterThan(40);
    }
    for (const stakeholder of analysis.stakeholders ?? [])
      if (stakeholder.included === false) expect(stakeholder.reason?.length ?? 0).toBeGreaterThan(20);
  });

  it('links to a variable of the reference model and to two of its shipped scenarios', () => {
    const { model } = compiledModel();
    const names = new Set(scenarios().map((scenario) => scenario.name));
    const links = sample().outcomes.flatMap((outcome) =>
      outcome.quantityLink === undefined ? [] : [outcome.quantityLink],
    );
    expect(links).toHaveLength(2);
    for (const link of links) {
      expect(link.model).toBe('Empathy reference model');
      expect(names).toContain(link.scenario);
      expect(names).toContain(link.baseline);
      expect(simulate(model, { variables: [link.variable] }).names).toEqual([link.variable]);
    }
  });

  it('evaluates against real runs of the scenario and its baseline', () => {
    const analysis = sample();
    const { document, model } = compiledModel();
    const byName = new Map(scenarios().map((scenario) => [scenario.name, scenario]));
    const unitsPerYear = timeUnitsPerYear(document.simSpecs.timeUnits ?? '');
    expect(unitsPerYear).toBe(12);

    const run = (scenarioName: string, variable: string) => {
      const parameters = model.parameterVector(byName.get(scenarioName)?.overrides ?? {});
      if (!parameters.ok) throw new Error(parameters.errors.map((error) => error.message).join('; '));
      const result = simulate(model, { parameters: parameters.value, variables: [variable] });
      return { time: result.time, values: seriesOf(result, variable) ?? new Float64Array() };
    };
    const quantitiesByYear: Record<string, number[]> = {};
    for (const outcome of analysis.outcomes) {
      const link = outcome.quantityLink;
      if (link === undefined) continue;
      const scenario = run(link.scenario, link.variable);
      const baseline = run(link.baseline, link.variable);
      const quantities = quantitiesFromRuns(
        outcome,
        { time: scenario.time, scenario: scenario.values, baseline: baseline.values },
        { timeUnitsPerYear: unitsPerYear ?? 12 },
      );
      if (!quantities.ok) throw new Error(quantities.errors.map((issue) => issue.message).join('; '));
      quantitiesByYear[outcome.id] = quantities.value;
    }

    // The file's year-1 quits avoided is the model's figure (README: "1.15 leavers avoided in year 1"); if
    // the model changes, update the sample and its README.
    const staff = analysis.outcomes.find((outcome) => outcome.id === 'staff-retention');
    expect(quantitiesByYear['staff-retention']?.[0]).toBeCloseTo(staff?.quantity ?? Number.NaN, 1);

    const evaluated = evaluateAnalysis(analysis, { quantitiesByYear });
    expect(evaluated.ok).toBe(true);
    if (!evaluated.ok) return;
    expect(evaluated.warnings).toEqual([]);
    expect(Number.isFinite(evaluated.value.ratio)).toBe(true);
    expect(evaluated.value.outcomes.map((outcome) => outcome.quantitySource)).toEqual([
      'simulation',
      'simulation',
      'document',
    ]);
  });
});
