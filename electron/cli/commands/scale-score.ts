/**
 * `scale score --data FILE.csv --scale iri|qmee|SPEC.json`: scores a survey with a published key or a custom
 * spec (model/measure), with Cronbach's alpha per subscale (alpha if an item is dropped) and per-team summaries.
 * JSON (default) or CSV of the respondents' scores.
 */
import { basename } from 'node:path';
import { z } from 'zod';
import {
  BUILTIN_SCALES,
  describeIssue,
  parseScaleSpec,
  resolveColumns,
  scoreSurvey,
  scoresTable,
  scoringKey,
  subscaleReliability,
  summarizeGroups,
  type KeyOverrides,
  type GroupSummary,
  type RespondentScores,
  type ScaleSpec,
} from '../../../model/measure';
import {
  MIN_GROUP_SIZE_DEFAULT,
  MIN_GROUP_SIZE_FLOOR,
  checkMinGroupSize,
  hideSmallGroups,
} from '../../../model/privacy';
import { jsonNumber } from '../../../model/stats';
import { APP_VERSION } from '../../app-info';
import {
  InputError,
  UsageError,
  parseCommandArgs,
  parseFormat,
  parseNumberFlag,
  type CliCommand,
  type CliIO,
} from '../command';
import { csvRow, writeResult } from '../output';
import { firstProblem, readJsonFile } from './sensitivity';
import { parseList, readCsvTable } from './stats-regress';

const mapSchema = z.record(z.string(), z.string().trim().min(1));

function loadScale(value: string, io: CliIO): ScaleSpec {
  const builtin = BUILTIN_SCALES[value.toLowerCase()];
  if (builtin !== undefined) return builtin;
  if (!value.toLowerCase().endsWith('.json'))
    throw new UsageError(
      `--scale must be ${Object.keys(BUILTIN_SCALES).join(', ')} or a SPEC.json file (got "${value}")`,
    );
  const spec = parseScaleSpec(readJsonFile(value, 'scale spec', io));
  if (!spec.ok) throw new InputError(`${basename(value)}: ${spec.error}`);
  return spec.value;
}

/** The minimum group size from --min-group-size: a whole number of at least 3 (issue 11, point 2). */
export function parseMinGroupSize(value: string | undefined): number {
  if (value === undefined) return MIN_GROUP_SIZE_DEFAULT;
  const number = parseNumberFlag('--min-group-size', value);
  try {
    return checkMinGroupSize(number);
  } catch {
    throw new UsageError(
      `--min-group-size must be a whole number of at least ${MIN_GROUP_SIZE_FLOOR} people (got "${value}")`,
    );
  }
}

/**
 * Issue 11, point 2: the team (or team and wave) groups of fewer respondents than the threshold are left out of
 * the summaries, and their members' team cell is emptied in the per-respondent scores, so that no small group's
 * mean can be read off or recomputed from the output.
 */
function hideSmallTeams(
  groups: readonly GroupSummary[],
  respondents: readonly RespondentScores[],
  by: readonly string[],
  teamColumn: string,
  threshold: number,
) {
  const shown = hideSmallGroups(
    groups,
    (group) => group.respondents,
    threshold,
    by.length > 1 ? 'group' : 'team',
  );
  const hiddenKeys = new Set(
    groups
      .filter((group) => !shown.kept.includes(group))
      .map((group) => JSON.stringify(by.map((column) => group.group[column] ?? ''))),
  );
  const scores = respondents.map((respondent) =>
    hiddenKeys.has(JSON.stringify(by.map((column) => respondent.labels[column] ?? '')))
      ? { ...respondent, labels: { ...respondent.labels, [teamColumn]: '' } }
      : respondent,
  );
  return { groups: shown.kept, hidden: shown.hidden, note: shown.note, scores };
}

const USAGE = `scale score --data FILE.csv --scale iri|qmee|SPEC.json [--map MAP.json] [--team COL] [--wave COL] [--id COL] [--keep COLS]
            [--min-group-size N] [--reverse ITEMS] [--range MIN,MAX] [--max-missing SHARE] [--format json|csv] [--out FILE]

Scores a survey (one row per respondent) with a scale key: iri (Davis 1980, 28 items, 0-4, subscales PT, FS,
EC, PD), qmee (Mehrabian & Epstein 1972, 33 items, -4..+4; its reverse key is not shipped, give --reverse),
or a custom SPEC.json ({ id, name, answers: {min, max}, items, subscales: [{id, name, items}], reverse,
maxMissingShare }). Reverse-keyed answers become min + max - x. Each subscale's score is the mean of its
answered items and that mean times its number of items (the prorated sum), when at most --max-missing of its
items are missing (default the spec's, 0.2); otherwise null.
  --map          MAP.json: { "item": "column", ... } for columns not named as the items (by default an item's
                 column is named "3", "IRI3", "iri_3", "Item 3" or "Q3", ignoring case and separators)
  --team         column to summarize by (mean, SD and n per subscale); --wave adds a second grouping column
  --min-group-size  with --team, groups of fewer respondents than N (default ${MIN_GROUP_SIZE_DEFAULT}, never below ${MIN_GROUP_SIZE_FLOOR}) are
                 hidden: left out of the summaries and their members' team cell emptied, with hiddenGroups
                 (how many) and hiddenGroupsNote (why) in JSON, hidden_groups and hidden_groups_note columns in CSV
  --id           respondent id column, copied to each respondent's scores
  --keep         more columns to copy (comma-separated), e.g. a treated/control column for compare did
  --reverse      comma-separated reverse-keyed items, replacing the spec's
  --range        the answer range MIN,MAX, replacing the spec's (QMEE versions answered 1-9: --range 1,9)
  --format       json (default): scale, reliability per subscale (Cronbach's alpha on respondents who answered
                 every item of the subscale, alpha if each item is dropped, corrected item-total r), groups and
                 respondents; csv: one row per respondent with row, the --id/--team/--wave/--keep columns and
                 <subscale>_mean, <subscale>_sum, <subscale>_missing
  --out          write to FILE instead of standard output
Item texts are not shipped; map your columns to item numbers.`;

export const scaleScoreCommand: CliCommand = {
  name: 'scale score',
  summary: 'score an empathy survey (IRI, QMEE or a custom scale) with reliability and team summaries',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      {
        data: { type: 'string' },
        scale: { type: 'string' },
        map: { type: 'string' },
        team: { type: 'string' },
        wave: { type: 'string' },
        id: { type: 'string' },
        keep: { type: 'string' },
        reverse: { type: 'string' },
        range: { type: 'string' },
        'max-missing': { type: 'string' },
        'min-group-size': { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
      },
      false,
    );
    if (values.data === undefined) throw new UsageError('give the survey with --data FILE.csv');
    if (values.scale === undefined) throw new UsageError('give the scale with --scale iri|qmee|SPEC.json');
    const format = parseFormat(values.format, ['json', 'csv'] as const, 'json');
    const minGroupSize = parseMinGroupSize(values['min-group-size']);
    if (values.wave !== undefined && values.team === undefined)
      throw new UsageError('--wave groups within teams: give --team COL too');
    const overrides: { reverse?: string[]; answers?: { min: number; max: number } } = {};
    if (values.reverse !== undefined) overrides.reverse = parseList('--reverse', values.reverse);
    if (values.range !== undefined) {
      const parts = values.range.split(',');
      if (parts.length !== 2) throw new UsageError(`--range expects MIN,MAX (got "${values.range}")`);
      overrides.answers = {
        min: parseNumberFlag('--range', parts[0] ?? ''),
        max: parseNumberFlag('--range', parts[1] ?? ''),
      };
    }
    let maxMissing: number | undefined;
    if (values['max-missing'] !== undefined) {
      maxMissing = parseNumberFlag('--max-missing', values['max-missing']);
      if (!(maxMissing >= 0 && maxMissing < 1))
        throw new UsageError(
          `--max-missing must be a share from 0 to below 1 (got "${values['max-missing']}")`,
        );
    }

    const spec = loadScale(values.scale, io);
    const keyed = scoringKey(
      maxMissing === undefined ? spec : { ...spec, maxMissingShare: maxMissing },
      overrides as KeyOverrides,
    );
    if (!keyed.ok) throw new InputError(keyed.error);
    const key = keyed.value;
    let explicit: Record<string, string> = {};
    if (values.map !== undefined) {
      const parsed = mapSchema.safeParse(readJsonFile(values.map, 'column map', io));
      if (!parsed.success)
        throw new InputError(
          `${basename(values.map)}: ${describeIssue(parsed.error)} (expected { "item": "column", ... })`,
        );
      explicit = parsed.data;
    }
    const data = basename(values.data);
    const table = readCsvTable(values.data, io);
    const columns = resolveColumns(table, key, explicit);
    if (!columns.ok) throw new InputError(`${data}: ${columns.error}`);
    const labelColumns = [
      ...new Set(
        [values.id, values.team, values.wave, ...parseList('--keep', values.keep)].filter(
          (column) => column !== undefined,
        ),
      ),
    ];
    const scored = scoreSurvey(table, key, { columns: columns.value, labelColumns });
    if (!scored.ok)
      throw new InputError(`${data}: ${firstProblem(scored.problems.map((problem) => problem.message))}`);
    const survey = scored.value;
    const subscales = key.subscales.map((subscale) => subscale.id);
    const groupBy = [values.team, values.wave].filter((column) => column !== undefined);
    const privacy =
      values.team === undefined
        ? null
        : hideSmallTeams(
            summarizeGroups(survey.respondents, subscales, groupBy),
            survey.respondents,
            groupBy,
            values.team,
            minGroupSize,
          );
    const respondents = privacy?.scores ?? survey.respondents;

    if (format === 'csv') {
      // The app's Compare tab reads a survey's scores as this same table (model/measure scoresTable).
      const scores = scoresTable({ ...survey, respondents }, labelColumns);
      const hidden = privacy === null ? [] : [String(privacy.hidden), privacy.note ?? ''];
      const lines = [
        csvRow([...scores.columns, ...(privacy === null ? [] : ['hidden_groups', 'hidden_groups_note'])]),
        ...scores.rows.map((row) => csvRow([...row, ...hidden])),
      ];
      writeResult(io, `${lines.join('\n')}\n`, values.out);
      return;
    }
    const document = {
      data,
      appVersion: APP_VERSION,
      scale: {
        id: key.id,
        name: key.name,
        source: key.source ?? null,
        verification: key.verification ?? null,
        answers: { min: key.answers.min, max: key.answers.max },
        reverse: key.reverse,
        maxMissingShare: key.maxMissingShare,
        subscales: key.subscales.map(({ id, name, items }) => ({ id, name, items })),
      },
      method: {
        reverse: 'reverse-keyed answers scored as min + max - x',
        missing: `a subscale is the mean of its answered items when at most ${key.maxMissingShare * 100}% of them are missing (prorated; sum = mean x items), else null`,
        reliability:
          "Cronbach's alpha on the respondents who answered every item of the subscale (listwise deletion); alpha if dropped on the same respondents",
      },
      columns: survey.columns,
      respondents: survey.respondents.length,
      reliability: subscaleReliability(survey).map((entry) => ({
        ...entry,
        alpha: entry.alpha === null ? null : jsonNumber(entry.alpha),
      })),
      groups: privacy?.groups ?? [],
      ...(privacy === null
        ? {}
        : { minGroupSize, hiddenGroups: privacy.hidden, hiddenGroupsNote: privacy.note }),
      scores: respondents,
    };
    writeResult(io, JSON.stringify(document, null, 2), values.out);
  },
};
