import { describe, expect, it } from 'vitest';
import { parseCsv, readCsvText } from '../../../model/stats';

/** Hand-worked cases from RFC 4180 (sections 2.1-2.7) and from files spreadsheets write. */
describe('parseCsv', () => {
  it('reads RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes', () => {
    const text = 'name,note\r\n"Smith, Jo","said ""hi""\r\ntwice"\r\nLee,plain\r\n';
    expect(parseCsv(text).records).toEqual([
      ['name', 'note'],
      ['Smith, Jo', 'said "hi"\r\ntwice'],
      ['Lee', 'plain'],
    ]);
  });

  it('accepts LF, CRLF and CR line endings, a missing final line break and a byte-order mark', () => {
    for (const text of ['\uFEFFa,b\n1,2\n', 'a,b\r\n1,2', 'a,b\r1,2\r']) {
      expect(parseCsv(text).records).toEqual([
        ['a', 'b'],
        ['1', '2'],
      ]);
    }
  });

  it('keeps blank lines as records so later rows keep their spreadsheet numbers', () => {
    expect(parseCsv('a,b\n\n1,2\n').records).toEqual([['a', 'b'], [''], ['1', '2']]);
  });

  it('guesses semicolons and tabs, and keeps commas inside a semicolon file as text', () => {
    expect(parseCsv('a;b\n1,5;2\n3;4\n')).toMatchObject({
      delimiter: ';',
      records: [
        ['a', 'b'],
        ['1,5', '2'],
        ['3', '4'],
      ],
    });
    expect(parseCsv('a\tb\n1\t2\n').delimiter).toBe('\t');
    expect(parseCsv('id\np1\np2\n')).toMatchObject({ delimiter: ',', records: [['id'], ['p1'], ['p2']] });
  });

  it('takes a quote inside an unquoted field literally', () => {
    expect(parseCsv('a,b\n5" screen,2\n').records[1]).toEqual(['5" screen', '2']);
  });

  it('names the row of an unclosed quote and of text after a closing quote', () => {
    expect(parseCsv('a,b\n1,2\n"3,4\n').problems).toEqual([
      { row: 3, message: 'a quoted field is not closed (a " is missing)' },
    ]);
    expect(parseCsv('a,b\n"1"x,2\n').problems).toEqual([
      { row: 2, message: 'a quoted field has text after its closing quote' },
    ]);
  });
});

describe('readCsvText', () => {
  it('gives the header (trimmed) and the non-blank rows', () => {
    expect(readCsvText(' x , y\n1,2\n\n3,4\n', 'data.csv')).toEqual({
      ok: true,
      table: {
        columns: ['x', 'y'],
        rows: [
          ['1', '2'],
          ['3', '4'],
        ],
      },
    });
  });

  it('refuses an empty file and malformed quoting, naming the file and row', () => {
    expect(readCsvText('\n \n', 'data.csv')).toEqual({
      ok: false,
      problem: { row: null, column: null, message: 'data.csv is empty (no header row)' },
    });
    const reading = readCsvText('x,y\n"1,2\n', 'data.csv');
    expect(reading.ok).toBe(false);
    if (!reading.ok)
      expect(reading.problem.message).toBe(
        'row 2: data.csv is not valid CSV: a quoted field is not closed (a " is missing)',
      );
  });
});
