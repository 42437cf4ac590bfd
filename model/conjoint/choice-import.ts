/**
 * Choice-based responses in long format: one row per alternative shown, with the respondent, the task, the
 * alternative, whether it was chosen, and the attribute columns. Validated into choice tasks; an optional
 * None alternative ("none of these") is recognised by its alternative label and needs no attribute values.
 */
import { cellAt, isMissing, spreadsheetRow, type DataTable } from '../stats/data-table';
import type { EstimationAttribute } from './coding';
import {
  ProblemList,
  failed,
  readAttributeColumns,
  requireColumns,
  type AttributeColumnOptions,
  type ImportResult,
} from './response-attributes';

export interface ChoiceAlternative {
  readonly label: string;
  readonly none: boolean;
  /** Level index (categorical) or value (numeric) per attribute; zeros for the None alternative. */
  readonly values: Float64Array;
}

export interface ChoiceTask {
  readonly respondent: string;
  readonly task: string;
  readonly alternatives: readonly ChoiceAlternative[];
  /** Index of the chosen alternative. */
  readonly chosen: number;
}

export interface ChoiceData {
  readonly attributes: readonly EstimationAttribute[];
  /** Tasks grouped by respondent, respondents in order of first appearance. */
  readonly tasks: readonly ChoiceTask[];
  readonly respondents: readonly string[];
  readonly hasNone: boolean;
}

export interface ChoiceLongOptions extends AttributeColumnOptions {
  readonly respondent: string;
  /** Without a task column each respondent made one choice (as in the Fishing data). */
  readonly task?: string;
  readonly alternative: string;
  readonly choice: string;
  /** The alternative label of the None option, if the design had one. */
  readonly noneAlternative?: string;
}

/** 1/0, true/false, yes/no (any case): what survey tools and R's write.csv produce. */
function parseChosen(cell: string): boolean | undefined {
  const text = cell.trim().toLowerCase();
  if (text === '1' || text === 'true' || text === 'yes') return true;
  if (text === '0' || text === 'false' || text === 'no') return false;
  return undefined;
}

interface RowGroup {
  readonly respondent: string;
  readonly task: string;
  readonly rows: number[];
}

export function importChoicesLong(table: DataTable, options: ChoiceLongOptions): ImportResult<ChoiceData> {
  const list = new ProblemList();
  const roles: [string, string][] = [
    ['respondent', options.respondent],
    ['alternative', options.alternative],
    ['choice', options.choice],
  ];
  if (options.task !== undefined) roles.push(['task', options.task]);
  const [respondentIndex = -1, alternativeIndex = -1, choiceIndex = -1, taskIndex = -1] = requireColumns(
    table,
    roles,
    list,
  );
  if (table.rows.length === 0) list.add(null, null, 'the file has no data rows');
  if (!list.empty) return failed(list);

  // Group rows into tasks by (respondent, task); respondents keep their order of first appearance.
  const groups = new Map<string, RowGroup>();
  const respondents: string[] = [];
  const tasksOf = new Map<string, RowGroup[]>();
  const attributeRows: number[] = [];
  table.rows.forEach((row, rowIndex) => {
    const respondent = cellAt(row, respondentIndex).trim();
    const task = taskIndex < 0 ? '1' : cellAt(row, taskIndex).trim();
    if (isMissing(respondent))
      list.add(spreadsheetRow(rowIndex), options.respondent, 'the respondent is missing');
    if (taskIndex >= 0 && isMissing(task))
      list.add(spreadsheetRow(rowIndex), options.task ?? null, 'the task is missing');
    const key = JSON.stringify([respondent, task]);
    let group = groups.get(key);
    if (group === undefined) {
      group = { respondent, task, rows: [] };
      groups.set(key, group);
      let respondentTasks = tasksOf.get(respondent);
      if (respondentTasks === undefined) {
        respondentTasks = [];
        tasksOf.set(respondent, respondentTasks);
        respondents.push(respondent);
      }
      respondentTasks.push(group);
    }
    group.rows.push(rowIndex);
    const alternative = cellAt(row, alternativeIndex).trim();
    if (options.noneAlternative === undefined || alternative !== options.noneAlternative)
      attributeRows.push(rowIndex);
  });
  const coded = readAttributeColumns(table, options, attributeRows, list);

  const tasks: ChoiceTask[] = [];
  let hasNone = false;
  for (const respondent of respondents) {
    for (const group of tasksOf.get(respondent) ?? []) {
      const labels = new Set<string>();
      const alternatives: ChoiceAlternative[] = [];
      const chosenRows: number[] = [];
      for (const rowIndex of group.rows) {
        const row = table.rows[rowIndex] as readonly string[];
        const label = cellAt(row, alternativeIndex).trim();
        if (isMissing(label))
          list.add(spreadsheetRow(rowIndex), options.alternative, 'the alternative is missing');
        else if (labels.has(label))
          list.add(
            spreadsheetRow(rowIndex),
            options.alternative,
            `alternative "${label}" appears twice in task "${group.task}" of respondent "${group.respondent}"${options.task === undefined ? ' (if respondents made several choices, name the task column)' : ''}`,
          );
        labels.add(label);
        const chosenCell = cellAt(row, choiceIndex);
        const chosen = parseChosen(chosenCell);
        if (chosen === undefined)
          list.add(spreadsheetRow(rowIndex), options.choice, `"${chosenCell}" is not 1 or 0 (chosen or not)`);
        if (chosen === true) chosenRows.push(rowIndex);
        const none = options.noneAlternative !== undefined && label === options.noneAlternative;
        hasNone ||= none;
        alternatives.push({
          label,
          none,
          values: none
            ? new Float64Array(options.attributes.length)
            : (coded?.values.get(rowIndex) ?? new Float64Array(options.attributes.length)),
        });
      }
      const where = `task "${group.task}" of respondent "${group.respondent}" (rows ${spreadsheetRow(group.rows[0] as number)}-${spreadsheetRow(group.rows[group.rows.length - 1] as number)})`;
      if (alternatives.length < 2)
        list.add(
          spreadsheetRow(group.rows[0] as number),
          options.alternative,
          `${where} has only one alternative; a choice needs two or more`,
        );
      if (chosenRows.length !== 1)
        list.add(
          spreadsheetRow(group.rows[0] as number),
          options.choice,
          chosenRows.length === 0
            ? `${where} has no chosen alternative`
            : `${where} has ${chosenRows.length} chosen alternatives; exactly one must be chosen`,
        );
      tasks.push({
        respondent: group.respondent,
        task: group.task,
        alternatives,
        chosen: group.rows.indexOf(chosenRows[0] ?? -1),
      });
    }
  }
  if (options.noneAlternative !== undefined && !hasNone)
    list.add(null, options.alternative, `no row has the None alternative "${options.noneAlternative}"`);
  if (!list.empty || coded === null) return failed(list);
  return { ok: true, value: { attributes: coded.attributes, tasks, respondents, hasNone } };
}
