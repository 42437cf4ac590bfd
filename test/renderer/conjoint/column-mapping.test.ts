import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studySchema } from '../../../model/conjoint';
import { readCsvText } from '../../../model/stats';
import {
  guessMapping,
  missingChoices,
  rolesFor,
} from '../../../renderer/src/conjoint/responses/column-mapping';

const SAMPLE = resolve(import.meta.dirname, '../../../sample-data/conjoint');
const study = studySchema.parse(JSON.parse(readFileSync(resolve(SAMPLE, 'study.json'), 'utf8')));
const table = (text: string) => {
  const reading = readCsvText(text, 'file.csv');
  if (!reading.ok) throw new Error(reading.problem.message);
  return reading.table;
};

describe('the first guess at a response file’s columns', () => {
  it('reads the sample choices with one click: roles, attributes and the None label', () => {
    const mapping = guessMapping(table(readFileSync(resolve(SAMPLE, 'choices.csv'), 'utf8')), study);
    expect(mapping.format).toBe('choices');
    expect(rolesFor(mapping)).toEqual({
      respondent: 'respondent',
      task: 'task',
      alternative: 'alternative',
      choice: 'chosen',
    });
    expect(mapping.noneAlternative).toBe('none');
    expect(mapping.attributeColumns).toEqual({
      reply_time: 'reply_time',
      agent: 'agent',
      follow_up: 'follow_up',
      understood: 'understood',
      price: 'price',
    });
    expect(missingChoices(mapping)).toEqual([]);
  });

  it('tells long ratings, wide ratings and what is still to choose apart', () => {
    const long = guessMapping(table('ID,Score,Reply_Time,agent\n1,7,next day,bot\n'), study);
    expect(long.format).toBe('ratings-long');
    expect(rolesFor(long)).toEqual({ respondent: 'ID', rating: 'Score' });
    expect(long.attributeColumns['reply_time']).toBe('Reply_Time');
    expect(missingChoices(long)).toEqual([
      'the column of “follow_up”',
      'the column of “understood”',
      'the column of “price”',
    ]);
    const wide = guessMapping(table('respondent,p1,p2,p3\n1,3,4,5\n'), study);
    expect(wide.format).toBe('ratings-wide');
    expect(missingChoices(wide)).toEqual([]);
    expect(missingChoices({ ...wide, columns: {} })).toEqual(['the respondent column']);
  });
});
