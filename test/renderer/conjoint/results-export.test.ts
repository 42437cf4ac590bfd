import { describe, expect, it } from 'vitest';
import type { ConjointEstimation, ConjointStudyRecord } from '../../../electron/api/contract';
import { coefficientsCsv, estimateJson, wtpCsv } from '../../../renderer/src/conjoint/results/results-export';

const estimation: ConjointEstimation = {
  kind: 'hb',
  estimatedAt: '2026-01-02T03:04:05.000Z',
  appVersion: '0.1.0',
  dataHash: 'b'.repeat(64),
  seed: 7,
  options: { iterations: 1000, burnIn: 500 },
  statistic: 'z',
  report: {
    coding: 'dummy',
    coefficients: {
      'agent:bot': { estimate: -0.9, stdError: 0.1, z: -9, p: 0 },
      price: { estimate: -0.12, stdError: null, z: null, p: null },
    },
    n: 2400,
    respondents: 2,
    partWorths: { agent: { human: 0.45, bot: -0.45 }, price: { perUnit: -0.12, range: [0, 15] } },
    importances: {
      aggregatePartWorths: { label: 'From the aggregate part-worths', percent: { agent: 33.3, price: 66.7 } },
      perRespondentAverage: {
        label: 'Average of each respondent’s importances',
        percent: { agent: 40, price: 60 },
        respondents: 2,
      },
    },
    price: 'price',
    willingnessToPay: [
      {
        label: 'agent: bot vs human',
        attribute: 'agent',
        level: 'bot',
        versus: 'human',
        value: -7.5,
        stdError: 1,
        method: 'ratio of population-mean draws',
      },
    ],
  },
  simulation: {
    coding: 'dummy',
    intercept: false,
    names: ['agent:bot', 'price'],
    aggregate: [-0.9, -0.12],
    respondents: ['r1', 'r2'],
    individual: [-1, -0.1, -0.8, -0.14],
  },
};

const record = {
  id: '00000000-0000-4000-8000-000000000001',
  projectId: '00000000-0000-4000-8000-000000000002',
  name: 'Care, "the" study',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  document: {
    study: {
      name: 'Care, "the" study',
      attributes: [
        { kind: 'categorical', name: 'agent', levels: ['human', 'bot'] },
        { kind: 'numeric', name: 'price', unit: 'EUR per month', levels: [0, 15] },
      ],
      price: 'price',
      prohibitions: [],
    },
    design: null,
    responses: {
      kind: 'choices',
      source: {
        fileName: 'choices.csv',
        dataHash: 'b'.repeat(64),
        importedAt: '2026-01-01T00:00:00.000Z',
        rows: 4,
        mapping: {},
      },
    },
    estimations: { hb: estimation },
  },
} as unknown as ConjointStudyRecord;

describe('estimate exports', () => {
  it('JSON: the CLI’s fields, the stamp, and each respondent’s coefficients', () => {
    const document = JSON.parse(estimateJson(record, estimation, '2026-02-01T00:00:00.000Z')) as Record<
      string,
      unknown
    >;
    expect(document).toMatchObject({
      format: 'empathy-workbench/conjoint-estimate@1',
      study: 'Care, "the" study',
      kind: 'hb',
      data: 'choices.csv',
      dataHash: 'b'.repeat(64),
      seed: 7,
      appVersion: '0.1.0',
      coding: 'dummy',
      coefficients: { 'agent:bot': { estimate: -0.9, stdError: 0.1, z: -9, p: 0 } },
      individual: { r2: { coefficients: { 'agent:bot': -0.8, price: -0.14 } } },
    });
  });

  it('CSV: comment lines with the stamp, quoted text, empty cells for missing numbers', () => {
    const lines = coefficientsCsv(record, estimation, '2026-02-01T00:00:00.000Z').trim().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '# format: empathy-workbench/conjoint-estimate@1',
      '# study: Care, "the" study',
      '# kind: hb',
    ]);
    expect(lines).toContain('# seed: 7');
    expect(lines).toContain(`# data_sha256: ${'b'.repeat(64)}`);
    expect(lines.slice(-3)).toEqual([
      'name,estimate,stdError,z,p',
      'agent:bot,-0.9,0.1,-9,0',
      'price,-0.12,,,',
    ]);
    const wtp = wtpCsv(record, estimation, '2026-02-01T00:00:00.000Z').trim().split('\n');
    expect(wtp).toContain('# units: EUR per month');
    expect(wtp.at(-1)).toBe('agent: bot vs human,agent,bot,human,-7.5,1,ratio of population-mean draws');
  });
});
