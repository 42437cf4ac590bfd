/**
 * Response files for a saved study, validated by model/conjoint's importers and kept in the compact form the
 * document stores (conjoint-document.ts): ratings long (respondent, rating and the attribute columns, one row
 * per profile rated) or wide (one row per respondent, one rating column per profile of the study's design, in
 * order), and choices long (respondent, task, alternative, chosen, the attribute columns; an optional None
 * alternative). Columns may be named differently from the study's attributes: the mapping says which column
 * holds which attribute, and every problem names the file's own row and column.
 */
import { createHash } from 'node:crypto';
import {
  importChoicesLong,
  importRatingsLong,
  importRatingsWide,
  levelText,
  type ChoiceData,
  type EstimationAttribute,
  type ImportResult,
  type RatingsData,
  type Study,
} from '../../model/conjoint';
import { readCsvText, type CellProblem, type DataTable } from '../../model/stats';
import type { ResponseImport } from '../api/parts/conjoint.contract';
import type { ConjointDesign, ConjointResponses } from '../../model/schema/conjoint-document';

export type ResponseImportOutcome =
  | { readonly ok: true; readonly responses: ConjointResponses }
  | { readonly ok: false; readonly problems: readonly CellProblem[]; readonly totalProblems: number };

const rejected = (...problems: CellProblem[]): ResponseImportOutcome => ({
  ok: false,
  problems,
  totalProblems: problems.length,
});

const problem = (columnName: string | null, message: string): CellProblem => ({
  row: null,
  column: columnName,
  message: columnName === null ? message : `column "${columnName}": ${message}`,
});

/**
 * The study as the file names it: each attribute renamed to its column, so the importers read the right column
 * and their messages name the column the user sees. Levels, kinds and the price stay the study's.
 */
function studyAsColumns(study: Study, columns: ReadonlyMap<string, string>): Study {
  return {
    ...study,
    attributes: study.attributes.map((attribute) => ({
      ...attribute,
      name: columns.get(attribute.name) ?? attribute.name,
    })),
  };
}

/** The design's profiles as a table with the file's attribute columns (wide ratings match them in order). */
function designTable(
  study: Study,
  design: ConjointDesign | null,
  columns: ReadonlyMap<string, string>,
): DataTable | null {
  if (design === null || design.kind !== 'profiles') return null;
  return {
    columns: study.attributes.map((attribute) => columns.get(attribute.name) ?? attribute.name),
    rows: design.profiles.map((profile) =>
      study.attributes.map((attribute, a) => levelText(attribute, profile[a] ?? 0)),
    ),
  };
}

/** The importer's attributes under the study's names (the importer saw the file's column names). */
function withStudyNames(
  attributes: readonly EstimationAttribute[],
  study: Study,
): ConjointResponses['attributes'] {
  return attributes.map((attribute, a) => {
    const name = study.attributes[a]?.name ?? attribute.name;
    return attribute.kind === 'categorical'
      ? { kind: 'categorical', name, levels: [...attribute.levels] }
      : { kind: 'numeric', name, values: [...attribute.values] };
  });
}

function compactRatings(
  data: RatingsData,
  study: Study,
): Omit<Extract<ConjointResponses, { kind: 'ratings' }>, 'format' | 'source'> {
  const respondentIndex = new Map(data.respondents.map((respondent, index) => [respondent, index]));
  return {
    kind: 'ratings',
    attributes: withStudyNames(data.attributes, study),
    respondents: [...data.respondents],
    observations: {
      respondent: data.observations.map((observation) => respondentIndex.get(observation.respondent) ?? 0),
      rating: data.observations.map((observation) => observation.rating),
      values: data.observations.flatMap((observation) => Array.from(observation.values)),
    },
  };
}

function compactChoices(
  data: ChoiceData,
  study: Study,
): Omit<Extract<ConjointResponses, { kind: 'choices' }>, 'source'> {
  const respondentIndex = new Map(data.respondents.map((respondent, index) => [respondent, index]));
  const alternatives = data.tasks.flatMap((task) => task.alternatives);
  return {
    kind: 'choices',
    attributes: withStudyNames(data.attributes, study),
    respondents: [...data.respondents],
    hasNone: data.hasNone,
    tasks: {
      respondent: data.tasks.map((task) => respondentIndex.get(task.respondent) ?? 0),
      label: data.tasks.map((task) => task.task),
      alternatives: data.tasks.map((task) => task.alternatives.length),
      chosen: data.tasks.map((task) => task.chosen),
    },
    alternatives: {
      none: alternatives.map((alternative) => (alternative.none ? 1 : 0)),
      values: alternatives.flatMap((alternative) => Array.from(alternative.values)),
    },
  };
}

/** The importer's value, or its problems as the outcome. */
function settle<T>(result: ImportResult<T>, compact: (value: T) => ConjointResponses): ResponseImportOutcome {
  if (!result.ok) return { ok: false, problems: result.problems, totalProblems: result.totalProblems };
  return { ok: true, responses: compact(result.value) };
}

/** Reads and validates a response file against the study; nothing is saved here. */
export function readResponses(
  study: Study,
  design: ConjointDesign | null,
  request: ResponseImport,
  at: Date,
): ResponseImportOutcome {
  const unknownAttributes = Object.keys(request.attributeColumns).filter(
    (name) => !study.attributes.some((attribute) => attribute.name === name),
  );
  if (unknownAttributes.length > 0)
    return rejected(
      ...unknownAttributes.map((name) =>
        problem(null, `"${name}" is not an attribute of the study, so it cannot be mapped to a column`),
      ),
    );
  const columns = new Map(
    study.attributes.map((attribute) => [
      attribute.name,
      request.attributeColumns[attribute.name] ?? attribute.name,
    ]),
  );
  const used = [...columns.values()];
  const twice = used.find((name, index) => used.indexOf(name) !== index);
  if (twice !== undefined) return rejected(problem(twice, 'two attributes are mapped to this one column'));

  const reading = readCsvText(request.csv, request.fileName);
  if (!reading.ok) return rejected(reading.problem);
  const table = reading.table;
  const renamed = studyAsColumns(study, columns);
  const attributeOptions = { attributes: used, study: renamed };
  const source = {
    fileName: request.fileName === '' ? 'responses.csv' : request.fileName,
    dataHash: createHash('sha256')
      .update(request.csv)
      .update(request.profilesCsv === undefined ? '' : `\n${request.profilesCsv}`)
      .digest('hex'),
    importedAt: at.toISOString(),
    rows: table.rows.length,
    mapping: {
      ...Object.fromEntries(Object.entries(request.columns).filter(([, name]) => name !== undefined)),
      ...Object.fromEntries(columns),
    } as Record<string, string>,
  };
  const { respondent, rating, task, alternative, choice } = request.columns;

  if (request.format === 'ratings-long') {
    if (rating === undefined) return rejected(problem(null, 'name the column that holds the ratings'));
    const result = importRatingsLong(table, {
      ...attributeOptions,
      rating,
      ...(respondent === undefined ? {} : { respondent }),
    });
    return settle(result, (data) => ({ ...compactRatings(data, study), format: 'long', source }));
  }

  if (request.format === 'ratings-wide') {
    if (respondent === undefined) return rejected(problem(null, 'wide ratings need the respondent column'));
    let profiles = designTable(study, design, columns);
    if (request.profilesCsv !== undefined) {
      const profileReading = readCsvText(request.profilesCsv, 'the profiles file');
      if (!profileReading.ok) return rejected(profileReading.problem);
      profiles = profileReading.table;
    }
    if (profiles === null)
      return rejected(
        problem(
          null,
          'wide ratings have one column per profile, in the order of the profiles rated: generate the study’s profile design first, or give the profiles file',
        ),
      );
    const result = importRatingsWide(table, { ...attributeOptions, respondent, profiles });
    return settle(result, (data) => ({ ...compactRatings(data, study), format: 'wide', source }));
  }

  const missing = (
    [
      ['respondent', respondent],
      ['alternative', alternative],
      ['chosen', choice],
    ] as const
  ).filter(([, name]) => name === undefined);
  if (missing.length > 0)
    return rejected(...missing.map(([role]) => problem(null, `choice data need the ${role} column`)));
  const result = importChoicesLong(table, {
    ...attributeOptions,
    respondent: respondent as string,
    alternative: alternative as string,
    choice: choice as string,
    ...(task === undefined ? {} : { task }),
    ...(request.noneAlternative === undefined ? {} : { noneAlternative: request.noneAlternative }),
  });
  return settle(result, (data) => ({ ...compactChoices(data, study), source }));
}
