import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studySchema } from '../../../model/conjoint';
import { choiceDesignFromCsv } from '../../../electron/services/conjoint-samples';
import { designCsv, designTable } from '../../../renderer/src/conjoint/design/design-table';
import { readCsvText } from '../../../model/stats';

const SAMPLE = resolve(import.meta.dirname, '../../../sample-data/conjoint');
const study = studySchema.parse(JSON.parse(readFileSync(resolve(SAMPLE, 'study.json'), 'utf8')));
const designText = readFileSync(resolve(SAMPLE, 'design.csv'), 'utf8');

describe('a design as a table', () => {
  it('writes a choice design back exactly as sample-data/conjoint/design.csv lays it out', () => {
    const design = choiceDesignFromCsv(study, designText, new Date(0));
    const file = readCsvText(designText, 'design.csv');
    if (!file.ok) throw new Error(file.problem.message);
    expect(designTable(study, design)).toEqual({ columns: file.table.columns, rows: file.table.rows });
  });

  it('numbers the profiles of a ratings design and stamps the CSV', () => {
    const design = {
      kind: 'profiles' as const,
      method: 'd-optimal' as const,
      seed: 3,
      profiles: [
        [0, 0, 0, 0, 0],
        [2, 1, 1, 2, 3],
      ],
      dEfficiency: 71.5,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const lines = designCsv(study, design, '0.1.0').trim().split('\n');
    expect(lines).toContain('# method: D-optimal fraction (coordinate exchange)');
    expect(lines).toContain('# d_efficiency_percent: 71.5');
    expect(lines.slice(-3)).toEqual([
      'profile,reply_time,agent,follow_up,understood,price',
      '1,within 1 hour,human,none,scripted answer,0',
      '2,next day,bot with human hand-off,personal call,fully understood,15',
    ]);
  });
});
