/** Pseudonyms for a survey table (issue 11, point 1, for the measurement toolkit's imports). */
import { describe, expect, it } from 'vitest';
import { pseudonymizeTable } from '../../../model/privacy';

const survey = {
  columns: ['respondent', 'First Name', 'last_name', 'E-mail', 'team', 'wave', 'IRI1'],
  rows: [
    ['r1', 'Ada', 'Lovelace', 'ada@example.org', 'Care', 'before', '4'],
    ['r2', 'Alan', 'Turing', 'alan@example.org', 'Sales', 'before', '3'],
    ['r1', 'Ada', 'Lovelace', 'ada@example.org', 'Care', 'after', '5'],
    ['', '', '', '', 'Care', 'after', '2'],
  ],
};

describe('pseudonymizeTable', () => {
  it('replaces ids, drops identifying columns and keeps the rest, one pseudonym per person', () => {
    const result = pseudonymizeTable(survey, 'respondent', (id) => `P-${id.toUpperCase()}`);
    expect(result.table.columns).toEqual(['respondent', 'team', 'wave', 'IRI1']);
    expect(result.table.rows).toEqual([
      ['P-R1', 'Care', 'before', '4'],
      ['P-R2', 'Sales', 'before', '3'],
      ['P-R1', 'Care', 'after', '5'],
      ['', 'Care', 'after', '2'],
    ]);
    expect(result.droppedColumns).toEqual(['First Name', 'last_name', 'E-mail']);
    expect(result.mapping).toEqual([
      { realId: 'r1', realName: 'Ada Lovelace', pseudonym: 'P-R1' },
      { realId: 'r2', realName: 'Alan Turing', pseudonym: 'P-R2' },
    ]);
  });

  it('without an id column, drops the identifying columns and maps no one', () => {
    const result = pseudonymizeTable(survey, undefined, () => 'never');
    expect(result.table.columns).toEqual(['respondent', 'team', 'wave', 'IRI1']);
    expect(result.table.rows[0]).toEqual(['r1', 'Care', 'before', '4']);
    expect(result.mapping).toEqual([]);
  });
});
