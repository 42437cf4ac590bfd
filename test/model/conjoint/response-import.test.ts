/**
 * Response import: ratings long and wide, choices long. Good files become one shape; bad ones give every
 * problem (up to 20, with the total) as a sentence naming the spreadsheet row (header = row 1) and column.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_PROBLEMS,
  importChoicesLong,
  importRatingsLong,
  importRatingsWide,
  studySchema,
  type ImportResult,
} from '../../../model/conjoint';
import type { DataTable } from '../../../model/stats';

const table = (text: string): DataTable => {
  const [header = '', ...lines] = text.trim().split('\n');
  return { columns: header.split(','), rows: lines.map((line) => line.split(',')) };
};

function problems<T>(result: ImportResult<T>): string[] {
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((problem) => problem.message);
}

const CHOICES = `r,t,alt,chosen,agent,price
1,1,a,1,human,10
1,1,b,0,bot,5
1,2,a,0,bot,10
1,2,b,1,human,15
2,1,a,0,human,5
2,1,b,1,bot,5`;
const CHOICE_OPTIONS = {
  respondent: 'r',
  task: 't',
  alternative: 'alt',
  choice: 'chosen',
  attributes: ['agent', 'price'],
  numeric: ['price'],
};

describe('choices, long', () => {
  it('groups rows into tasks by respondent, in order of appearance', () => {
    const result = importChoicesLong(table(CHOICES), CHOICE_OPTIONS);
    if (!result.ok) throw new Error(problems(result).join('; '));
    expect(result.value.respondents).toEqual(['1', '2']);
    expect(result.value.tasks.map((task) => [task.respondent, task.task, task.chosen])).toEqual([
      ['1', '1', 0],
      ['1', '2', 1],
      ['2', '1', 1],
    ]);
    expect(result.value.attributes).toEqual([
      { kind: 'categorical', name: 'agent', levels: ['bot', 'human'] },
      { kind: 'numeric', name: 'price', values: [5, 10, 15] },
    ]);
    expect(Array.from(result.value.tasks[0]?.alternatives[0]?.values ?? [])).toEqual([1, 10]);
  });

  it('takes the level order from the study, and true/false or yes/no for chosen', () => {
    const study = studySchema.parse({
      name: 's',
      attributes: [{ kind: 'categorical', name: 'agent', levels: ['human', 'bot'] }],
    });
    const text = CHOICES.replace(/,1,(human|bot)/g, ',TRUE,$1').replace(/,0,(human|bot)/g, ',no,$1');
    const result = importChoicesLong(table(text), { ...CHOICE_OPTIONS, study });
    if (!result.ok) throw new Error(problems(result).join('; '));
    expect(result.value.attributes[0]).toEqual({
      kind: 'categorical',
      name: 'agent',
      levels: ['human', 'bot'],
    });
    expect(result.value.tasks.map((task) => task.chosen)).toEqual([0, 1, 1]);
  });

  it('reads a None alternative whose attributes are blank', () => {
    const text = `${CHOICES}\n2,1,none,0,,`;
    const result = importChoicesLong(table(text), { ...CHOICE_OPTIONS, noneAlternative: 'none' });
    if (!result.ok) throw new Error(problems(result).join('; '));
    expect(result.value.hasNone).toBe(true);
    expect(result.value.tasks[2]?.alternatives.map((alternative) => alternative.none)).toEqual([
      false,
      false,
      true,
    ]);
    expect(
      problems(importChoicesLong(table(CHOICES), { ...CHOICE_OPTIONS, noneAlternative: 'none' })),
    ).toEqual(['column "alt": no row has the None alternative "none"']);
  });

  it('names the row and column of each problem', () => {
    const bad = `r,t,alt,chosen,agent,price
1,1,a,1,human,10
1,1,a,0,bot,cheap
1,2,a,2,bot,10
1,2,b,0,robot,15
2,1,a,1,,5`;
    const study = studySchema.parse({
      name: 's',
      attributes: [{ kind: 'categorical', name: 'agent', levels: ['human', 'bot'] }],
    });
    expect(problems(importChoicesLong(table(bad), { ...CHOICE_OPTIONS, study }))).toEqual([
      'row 3, column "price": "cheap" is not a number (the attribute is numeric)',
      'row 5, column "agent": "robot" is not a level of "agent" (levels: human, bot)',
      'row 6, column "agent": the value is missing',
      'row 3, column "alt": alternative "a" appears twice in task "1" of respondent "1"',
      'row 4, column "chosen": "2" is not 1 or 0 (chosen or not)',
      'row 4, column "chosen": task "2" of respondent "1" (rows 4-5) has no chosen alternative',
      'row 6, column "alt": task "1" of respondent "2" (rows 6-6) has only one alternative; a choice needs two or more',
    ]);
  });

  it('suggests the task column when a respondent repeats an alternative without one', () => {
    const { task: _task, ...withoutTask } = CHOICE_OPTIONS;
    expect(problems(importChoicesLong(table(CHOICES), withoutTask))[0]).toBe(
      'row 4, column "alt": alternative "a" appears twice in task "1" of respondent "1" (if respondents made several choices, name the task column)',
    );
  });

  it('lists missing columns with the ones that exist', () => {
    expect(
      problems(
        importChoicesLong(table(CHOICES), {
          ...CHOICE_OPTIONS,
          choice: 'picked',
          attributes: ['agent', 'colour'],
        }),
      ),
    ).toEqual([
      'column "picked": there is no choice column "picked" (the columns are: r, t, alt, chosen, agent, price)',
    ]);
    expect(
      problems(importChoicesLong(table(CHOICES), { ...CHOICE_OPTIONS, attributes: ['agent', 'colour'] })),
    ).toEqual([
      'column "price": "price" is listed as numeric but is not one of the attributes',
      'column "colour": there is no attribute column "colour" (the columns are: r, t, alt, chosen, agent, price)',
    ]);
  });

  it(`stops listing at ${MAX_PROBLEMS} problems but counts them all`, () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},1,a,x,human,1\n${i},1,b,0,bot,2`).join('\n');
    const result = importChoicesLong(table(`r,t,alt,chosen,agent,price\n${rows}`), CHOICE_OPTIONS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(MAX_PROBLEMS);
    expect(result.totalProblems).toBe(60);
  });
});

const RATINGS = `id,score,colour,size
1,7,red,1
1,3,blue,2
1,5,red,3
2,8,blue,1`;

describe('ratings, long and wide', () => {
  it('long: respondents, ratings and coded levels', () => {
    const result = importRatingsLong(table(RATINGS), {
      respondent: 'id',
      rating: 'score',
      attributes: ['colour', 'size'],
      numeric: ['size'],
    });
    if (!result.ok) throw new Error(problems(result).join('; '));
    expect(result.value.respondents).toEqual(['1', '2']);
    expect(
      result.value.observations.map((observation) => [
        observation.respondent,
        observation.rating,
        ...observation.values,
      ]),
    ).toEqual([
      ['1', 7, 1, 1],
      ['1', 3, 0, 2],
      ['1', 5, 1, 3],
      ['2', 8, 0, 1],
    ]);
  });

  it('long without a respondent column: one pooled respondent', () => {
    const result = importRatingsLong(table(RATINGS), { rating: 'score', attributes: ['colour'] });
    expect(result.ok && result.value.respondents).toEqual(['all']);
  });

  it('long: names bad ratings and missing cells', () => {
    const bad = RATINGS.replace('1,3,blue', '1,lots,blue').replace('2,8,blue', ',,blue');
    expect(
      problems(importRatingsLong(table(bad), { respondent: 'id', rating: 'score', attributes: ['colour'] })),
    ).toEqual([
      'row 3, column "score": "lots" is not a number (ratings must be numeric)',
      'row 5, column "id": the respondent is missing',
      'row 5, column "score": the rating is missing',
    ]);
  });

  const PROFILES = table('profile,colour,size\n1,red,1\n2,blue,2\n3,red,3');

  it('wide: one rating column per design row, in order', () => {
    const result = importRatingsWide(table('id,p1,p2,p3\n1,7,3,5\n2,8,2,1'), {
      respondent: 'id',
      profiles: PROFILES,
      attributes: ['colour', 'size'],
      numeric: ['size'],
    });
    if (!result.ok) throw new Error(problems(result).join('; '));
    expect(result.value.observations).toHaveLength(6);
    expect(result.value.observations[4]?.rating).toBe(2);
    expect(Array.from(result.value.observations[4]?.values ?? [])).toEqual([0, 2]);
  });

  it('wide: counts must match, one row per respondent, numbers only', () => {
    expect(
      problems(
        importRatingsWide(table('id,p1,p2\n1,7,3'), {
          respondent: 'id',
          profiles: PROFILES,
          attributes: ['colour'],
        }),
      ),
    ).toEqual([
      'the ratings have 2 profile columns but the design has 3 profiles; they must match one to one, in order',
    ]);
    expect(
      problems(
        importRatingsWide(table('id,p1,p2,p3\n1,7,3,5\n1,8,x,1'), {
          respondent: 'id',
          profiles: PROFILES,
          attributes: ['colour'],
        }),
      ),
    ).toEqual([
      'row 3, column "id": respondent "1" has a second row (wide data has one row per respondent)',
      'row 3, column "p2": "x" is not a number (ratings must be numeric)',
    ]);
    expect(
      problems(
        importRatingsWide(table('id,p1,p2,p3\n1,7,3,5'), {
          respondent: 'id',
          profiles: PROFILES,
          attributes: ['shape'],
        }),
      ),
    ).toEqual([
      'in the design, column "shape": there is no attribute column "shape" (the columns are: profile, colour, size)',
    ]);
  });
});
