/**
 * What the import dialog guesses and defaults from a file before asking the backend (issue 10, issue 11 point 1):
 * the kind of data set its columns look like, the name it gets, whether its ids become pseudonyms by default.
 * Pure, so the rules are tested without a page; the backend checks the file again whatever the guess was.
 */
import Papa from 'papaparse';
import type { MeasureDatasetKind } from '../../../../electron/api/contract';
import { normalizeColumnName } from '../../../../model/privacy';

/** Each kind in words, and the columns a file of that kind has, for the empty state and the dialog. */
export const KIND_WORDS: Readonly<
  Record<MeasureDatasetKind, { readonly label: string; readonly plural: string; readonly columns: string }>
> = {
  survey: {
    label: 'Survey',
    plural: 'Surveys',
    columns:
      'one row per respondent: id, team, wave and the scale’s items (IRI1 … IRI28, QMEE1 … QMEE33, or your own)',
  },
  kpi: {
    label: 'KPI series',
    plural: 'KPI series',
    columns: 'date, unit (or team), kpi, value, and optionally n (the people behind the figure)',
  },
  nps: {
    label: 'NPS answers',
    plural: 'NPS answers',
    columns: 'date, unit, answer (the 0-10 answer to “how likely are you to recommend…”)',
  },
  initiatives: {
    label: 'Initiatives',
    plural: 'Initiatives',
    columns: 'date, label and optionally unit: markers such as the day training started',
  },
  experiment: {
    label: 'Experiment',
    plural: 'Experiments',
    columns: 'any table to compare: a group (A/B, treated/control), a period (before/after), an outcome',
  },
};

const has = (names: ReadonlySet<string>, ...wanted: readonly string[]) =>
  wanted.every((name) => names.has(name));

/** Item columns of the shipped scales (IRI1 … IRI28, QMEE1 … QMEE33), as model/measure/scales name them. */
const SCALE_ITEM = /^(iri|qmee)\d+$/;
/** A custom scale's items: a word and a number, several of the same word (EMP1, EMP2, …). */
const NUMBERED_ITEM = /^([a-z]+)\d+$/;

/**
 * The kind a file's columns suggest: `date, unit|team, kpi, value` is a KPI series; `date, unit, answer` raw NPS
 * answers; `date, label` initiative markers; the items of a scale (IRI1 …, QMEE1 …, or three or more columns
 * numbered under one word) a survey; anything else an experiment. Column names compare as the importers compare
 * them (case, spaces and underscores aside).
 */
export function guessKind(columns: readonly string[]): MeasureDatasetKind {
  const names = new Set(columns.map(normalizeColumnName));
  const unit = names.has('unit') || names.has('team');
  if (has(names, 'date', 'kpi', 'value') && unit) return 'kpi';
  if (has(names, 'date', 'answer') && unit) return 'nps';
  if (has(names, 'date', 'label')) return 'initiatives';
  if ([...names].some((name) => SCALE_ITEM.test(name))) return 'survey';
  const numbered = new Map<string, number>();
  for (const name of names) {
    const word = NUMBERED_ITEM.exec(name)?.[1];
    if (word !== undefined) numbered.set(word, (numbered.get(word) ?? 0) + 1);
  }
  return [...numbered.values()].some((count) => count >= 3) ? 'survey' : 'experiment';
}

/** The header of a CSV file (papaparse, as the backend reads it), or none for an empty file. */
export function headerOf(text: string): string[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: 1, skipEmptyLines: true });
  return (parsed.data[0] ?? []).map((cell) => cell.trim());
}

/** A data set's default name from its file: "survey-2025.csv" -> "survey-2025". */
export const nameOfFile = (fileName: string): string => fileName.replace(/\.[^.]+$/, '').trim() || fileName;

/** The kinds in the list's order (the store's MEASURE_DATASET_KINDS; the renderer imports only the contract's types). */
export const DATASET_KINDS: readonly MeasureDatasetKind[] = [
  'survey',
  'kpi',
  'nps',
  'initiatives',
  'experiment',
];

/**
 * Issue 11: ids become pseudonyms by default where the rows are people (the store's PEOPLE_DATASET_KINDS: survey
 * and experiment); KPI series, NPS answers and initiatives hold units and dates.
 */
export const pseudonymsByDefault = (kind: MeasureDatasetKind): boolean =>
  kind === 'survey' || kind === 'experiment';
