/**
 * A first guess at how to read a response file, from its header and cells, so the usual layouts import with
 * one click: the roles by their usual column names (respondent or id, rating or score, task, alternative or alt,
 * chosen or choice), each study attribute by a column of the same name (ignoring case), the format from which
 * roles are present, and the None alternative from an alternative labelled "none". Everything stays editable.
 */
import type { Study } from '../../../../model/conjoint';
import type { DataTable } from '../../../../model/stats';

export const RESPONSE_FORMATS = ['choices', 'ratings-long', 'ratings-wide'] as const;
export type ResponseFormat = (typeof RESPONSE_FORMATS)[number];

export const FORMAT_WORDS: Readonly<Record<ResponseFormat, string>> = {
  choices: 'Choices, long (one row per alternative shown)',
  'ratings-long': 'Ratings, long (one row per profile rated)',
  'ratings-wide': 'Ratings, wide (one row per respondent, one column per profile)',
};

export const ROLES = ['respondent', 'rating', 'task', 'alternative', 'choice'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_WORDS: Readonly<Record<Role, string>> = {
  respondent: 'Respondent',
  rating: 'Rating',
  task: 'Task',
  alternative: 'Alternative',
  choice: 'Chosen (1/0)',
};

/** Which roles each format reads, and which of them it cannot do without. */
export const FORMAT_ROLES: Readonly<Record<ResponseFormat, readonly { role: Role; required: boolean }[]>> = {
  choices: [
    { role: 'respondent', required: true },
    { role: 'task', required: false },
    { role: 'alternative', required: true },
    { role: 'choice', required: true },
  ],
  'ratings-long': [
    { role: 'respondent', required: false },
    { role: 'rating', required: true },
  ],
  'ratings-wide': [{ role: 'respondent', required: true }],
};

const ROLE_NAMES: Readonly<Record<Role, readonly string[]>> = {
  respondent: ['respondent', 'respondent_id', 'id', 'resp', 'participant', 'person'],
  rating: ['rating', 'score', 'preference', 'rate'],
  task: ['task', 'set', 'choice_set', 'question', 'scenario'],
  alternative: ['alternative', 'alt', 'option', 'concept', 'card'],
  choice: ['chosen', 'choice', 'selected', 'choose'],
};

export interface ColumnMapping {
  readonly format: ResponseFormat;
  readonly columns: Readonly<Partial<Record<Role, string>>>;
  /** Study attribute -> column ('' when none fits yet). */
  readonly attributeColumns: Readonly<Record<string, string>>;
  /** The None alternative's label, '' for none. */
  readonly noneAlternative: string;
}

const find = (columns: readonly string[], names: readonly string[]): string | undefined => {
  const lower = columns.map((column) => column.toLowerCase());
  for (const name of names) {
    const index = lower.indexOf(name);
    if (index >= 0) return columns[index];
  }
  return undefined;
};

export function guessMapping(table: DataTable, study: Study): ColumnMapping {
  const columns: Partial<Record<Role, string>> = {};
  for (const role of ROLES) {
    const column = find(table.columns, ROLE_NAMES[role]);
    if (column !== undefined && !Object.values(columns).includes(column)) columns[role] = column;
  }
  const format: ResponseFormat =
    columns.alternative !== undefined && columns.choice !== undefined
      ? 'choices'
      : columns.rating !== undefined
        ? 'ratings-long'
        : 'ratings-wide';
  const attributeColumns = Object.fromEntries(
    study.attributes.map((attribute) => [
      attribute.name,
      find(table.columns, [attribute.name.toLowerCase()]) ?? '',
    ]),
  );
  let noneAlternative = '';
  const alternativeIndex =
    columns.alternative === undefined ? -1 : table.columns.indexOf(columns.alternative);
  if (format === 'choices' && alternativeIndex >= 0) {
    const labels = new Set(table.rows.map((row) => (row[alternativeIndex] ?? '').trim()));
    noneAlternative = [...labels].find((label) => /^none( of these)?$/i.test(label)) ?? '';
  }
  return { format, columns, attributeColumns, noneAlternative };
}

/** The roles the chosen format uses, with their columns (only the ones given). */
export function rolesFor(mapping: ColumnMapping): Partial<Record<Role, string>> {
  return Object.fromEntries(
    FORMAT_ROLES[mapping.format].flatMap(({ role }) => {
      const column = mapping.columns[role];
      return column === undefined || column === '' ? [] : [[role, column]];
    }),
  );
}

/** What still has to be chosen before the import can run, in words. */
export function missingChoices(mapping: ColumnMapping): string[] {
  const missing = FORMAT_ROLES[mapping.format]
    .filter(({ role, required }) => required && (mapping.columns[role] ?? '') === '')
    .map(({ role }) => `the ${ROLE_WORDS[role].toLowerCase()} column`);
  if (mapping.format !== 'ratings-wide')
    for (const [attribute, column] of Object.entries(mapping.attributeColumns))
      if (column === '') missing.push(`the column of “${attribute}”`);
  return missing;
}
