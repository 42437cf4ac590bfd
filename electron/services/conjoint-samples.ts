/**
 * The sample conjoint study (sample-data/conjoint/: the empathetic-service study, its choice design and 200
 * simulated respondents' choices) added to the sample project with its MNL estimate, so a new workspace has a
 * study to open, simulate, estimate again and link to the model. It goes through the same validation as a user's files: a shipped file that does not
 * pass is a bug of the build and throws, which rolls back the caller's transaction.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { levelText, studySchema, type Profile, type Study } from '../../model/conjoint';
import { runEstimation, savedEstimation } from '../../model/conjoint/estimation-run';
import type { ProjectId } from '../../model/schema/project';
import type { ConjointDesign, ConjointStudyRecord } from '../../model/schema/conjoint-document';
import { createConjointStudyRepository } from '../store/conjoint-studies';
import type { Workspace } from '../store/workspace';
import { readCsvText } from '../../model/stats';
import { choiceDError, shownProfilesEfficiency } from './conjoint-design';
import { readResponses } from './conjoint-responses';
import { APP_VERSION } from '../app-info';

export const SAMPLE_CONJOINT_FOLDER = 'conjoint';
const NONE_LABEL = 'none';

/** design.csv (version, task, alternative, then one column per attribute) as the document's choice design. */
export function choiceDesignFromCsv(study: Study, text: string, at: Date): ConjointDesign {
  const reading = readCsvText(text, 'design.csv');
  if (!reading.ok) throw new Error(reading.problem.message);
  const { columns, rows } = reading.table;
  const position = (name: string) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`design.csv has no column "${name}"`);
    return index;
  };
  const [version, task, alternative] = [position('version'), position('task'), position('alternative')];
  const attributeColumns = study.attributes.map((attribute) => position(attribute.name));
  const versions: number[][][][] = [];
  let none = false;
  rows.forEach((row, index) => {
    const v = Number(row[version]) - 1;
    const t = Number(row[task]) - 1;
    if (!(Number.isInteger(v) && v >= 0 && Number.isInteger(t) && t >= 0))
      throw new Error(`design.csv row ${index + 2}: version and task must be whole numbers from 1`);
    if ((row[alternative] ?? '').trim() === NONE_LABEL) {
      none = true;
      return;
    }
    const profile = study.attributes.map((attribute, a) => {
      const cell = (row[attributeColumns[a] as number] ?? '').trim();
      const level = attribute.levels.findIndex((_, l) => levelText(attribute, l) === cell);
      if (level < 0)
        throw new Error(`design.csv row ${index + 2}: "${cell}" is not a level of ${attribute.name}`);
      return level;
    });
    const tasks = (versions[v] ??= []);
    (tasks[t] ??= []).push(profile);
  });
  const design = { method: 'balanced-overlap' as const, seed: 0, none, versions: versions as Profile[][][] };
  return {
    kind: 'choice',
    method: 'imported',
    seed: null,
    none,
    versions,
    dEfficiency: shownProfilesEfficiency(study, design),
    dError: choiceDError(study, design),
    createdAt: at.toISOString(),
  };
}

/**
 * Adds the sample study to `projectId` from `sampleDir` (the folder holding conjoint/), or does nothing when the
 * files are not there. Runs inside the caller's transaction when there is one.
 */
export function seedConjointSample(
  workspace: Workspace,
  projectId: ProjectId,
  sampleDir: string,
): ConjointStudyRecord | undefined {
  const folder = join(sampleDir, SAMPLE_CONJOINT_FOLDER);
  const files = ['study.json', 'design.csv', 'choices.csv'].map((file) => join(folder, file));
  if (!files.every((file) => existsSync(file))) return undefined;
  const [studyFile, designFile, choicesFile] = files as [string, string, string];
  const parsed = studySchema.safeParse(JSON.parse(readFileSync(studyFile, 'utf8')));
  if (!parsed.success) throw new Error(`The shipped conjoint study is not valid: ${parsed.error.message}`);
  const study = parsed.data;
  const at = new Date();
  const design = choiceDesignFromCsv(study, readFileSync(designFile, 'utf8'), at);
  const responses = readResponses(
    study,
    design,
    {
      format: 'choices',
      csv: readFileSync(choicesFile, 'utf8'),
      fileName: 'choices.csv',
      columns: { respondent: 'respondent', task: 'task', alternative: 'alternative', choice: 'chosen' },
      noneAlternative: NONE_LABEL,
      attributeColumns: {},
    },
    at,
  );
  if (!responses.ok)
    throw new Error(
      `The shipped conjoint responses are not valid: ${responses.problems.map((problem) => problem.message).join('; ')}`,
    );
  // Estimated by MNL, as the Estimation step does, so the sample's simulator (and a story's simulator page) works
  // from the start; hierarchical Bayes takes a while and stays the user's choice.
  const estimated = runEstimation({
    kind: 'mnl',
    study,
    responses: responses.responses,
    seed: 0,
    iterations: 0,
    burnIn: 0,
    appVersion: APP_VERSION,
    estimatedAt: at.toISOString(),
  });
  if (!estimated.ok) throw new Error(`The shipped conjoint study does not estimate: ${estimated.error}`);
  const studies = createConjointStudyRepository(workspace.db, () => at);
  return studies.create(projectId, {
    study,
    design,
    responses: responses.responses,
    estimations: { mnl: savedEstimation(estimated.result) },
  });
}
