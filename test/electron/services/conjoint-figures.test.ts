import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { LinkableFigure } from '../../../model/schema/figure';
import { createConjointStudyRepository } from '../../../electron/store/conjoint-studies';
import type { ConjointEstimation } from '../../../model/schema/conjoint-estimation';
import { studyFigures } from '../../../electron/services/conjoint-figures';
import { seedConjointSample } from '../../../electron/services/conjoint-samples';
import { createHandlers } from '../../../electron/services/handlers';
import { openWorkspace } from '../../../electron/store/workspace';
import { tempDataDir } from '../store/support';

const SAMPLE_DIR = resolve(import.meta.dirname, '../../../sample-data');

/** The sample study as it is before anyone estimates it (it ships with its MNL estimate: taken away here). */
function seeded() {
  const workspace = openWorkspace({ dataDir: tempDataDir() });
  const project = workspace.projects.create({ name: 'Care' });
  const sample = seedConjointSample(workspace, project.id, SAMPLE_DIR);
  if (sample === undefined) throw new Error('the sample files are missing');
  const study = createConjointStudyRepository(workspace.db, () => new Date()).update(
    sample.id,
    ({ document }) => ({ ...document, estimations: {} }),
  );
  return { workspace, project, study };
}

describe('conjoint figures for the Dynamics model', () => {
  it('lists the WTP figures a choice study will give, valued null before it is estimated', async () => {
    const { workspace, project, study } = seeded();
    const handlers = createHandlers({ workspace, host: 'test' });
    const answer = await dispatch(handlers, 'links.figures', { projectId: project.id });
    if (!answer.ok) throw new Error(answer.error.message);
    const figures = (answer.value as LinkableFigure[]).filter((figure) => figure.instrument === 'conjoint');
    // reply_time 2, agent 2, follow_up 1, understood 2 levels beyond the reference; MNL and HB each.
    expect(figures).toHaveLength(14);
    expect(figures.every((figure) => figure.value === null && figure.documentId === study.id)).toBe(true);
    expect(figures.find((figure) => figure.figure === 'wtp.mnl.understood:fully understood')).toMatchObject({
      label:
        'Willingness to pay for "understood: fully understood" over "scripted answer" (MNL, not estimated yet)',
      units: 'EUR per month',
    });
    workspace.close();
  });

  it('gives the estimate’s WTP once saved, per kind, and nothing for a study without a price', () => {
    const { workspace, project, study } = seeded();
    const studies = createConjointStudyRepository(workspace.db, () => new Date());
    const responses = study.document.responses;
    if (responses === null) throw new Error('no responses');
    const estimation: ConjointEstimation = {
      kind: 'mnl',
      estimatedAt: new Date(0).toISOString(),
      appVersion: 'test',
      dataHash: responses.source.dataHash,
      seed: null,
      options: {},
      statistic: 'z',
      report: {
        coding: 'dummy',
        coefficients: {},
        n: 2400,
        respondents: 200,
        partWorths: {},
        importances: { aggregatePartWorths: { label: 'From the aggregate part-worths', percent: {} } },
        price: 'price',
        willingnessToPay: [
          {
            label: 'understood: fully understood vs scripted answer',
            attribute: 'understood',
            level: 'fully understood',
            versus: 'scripted answer',
            value: 11.5,
            stdError: 0.6,
            method: 'coefficient ratio, delta-method SE',
          },
        ],
      },
      simulation: {
        coding: 'dummy',
        intercept: false,
        names: ['price'],
        aggregate: [-0.1],
        respondents: [],
        individual: [],
      },
    };
    const estimated = studies.update(study.id, ({ document }) => ({
      ...document,
      estimations: { mnl: estimation },
    }));
    const figures = studyFigures(estimated);
    expect(figures).toHaveLength(7);
    expect(figures.find((figure) => figure.figure === 'wtp.mnl.understood:fully understood')?.value).toBe(
      11.5,
    );
    expect(figures.find((figure) => figure.figure === 'wtp.mnl.agent:bot')?.value).toBeNull();

    const priceless = studies.update(study.id, ({ document }) => ({
      ...document,
      study: { ...document.study, price: undefined },
    }));
    expect(studyFigures(priceless)).toEqual([]);
    expect(project.id).toBe(estimated.projectId);
    workspace.close();
  });
});
