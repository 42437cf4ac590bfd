/**
 * The sample project's measurement data sets (issue 10, point 6): the five files of sample-data/measure, read by
 * the import's checks, stored with their settings, the team sizes taken from the sample network's people, and
 * the people-data settings of fictional people; their figures reach the Dynamics view.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { SAMPLE_MEASURE_PRIVACY_NOTE, seedMeasureSamples } from '../../../electron/services/measure-samples';
import { SAMPLE_PROJECT_NAME, seedSamples } from '../../../electron/services/samples';
import { measureDatasetRepository } from '../../../electron/store/measure-datasets';
import { openWorkspace } from '../../../electron/store/workspace';
import type { LinkableFigure } from '../../../model/schema/figure';
import { tempDataDir } from '../store/support';

const SAMPLE_DATA = resolve(import.meta.dirname, '../../../sample-data');

const lines = (file: string) => readFileSync(join(SAMPLE_DATA, file), 'utf8').trim().split('\n');

describe('sample measurement data sets', () => {
  it('lists the five sample data sets in the sample project, with their settings', async () => {
    const workspace = openWorkspace({ dataDir: tempDataDir() });
    const project = seedSamples(workspace, SAMPLE_DATA);
    if (project === undefined) throw new Error('the sample files are missing');
    expect(project.name).toBe(SAMPLE_PROJECT_NAME);
    const datasets = measureDatasetRepository(workspace.db);
    const listed = datasets.list(project.id);
    expect(listed.map((entry) => [entry.name, entry.kind, entry.fileName]).sort()).toEqual(
      [
        ['Empathy survey (IRI)', 'survey', 'survey.csv'],
        ['KPIs by team', 'kpi', 'kpi.csv'],
        ['NPS answers', 'nps', 'nps-answers.csv'],
        ['Initiatives', 'initiatives', 'initiatives.csv'],
        ['Script A/B test', 'experiment', 'script-test.csv'],
      ].sort(),
    );
    for (const entry of listed) {
      // Every row of the file is kept (header excluded).
      expect(entry.rowCount).toBe(lines(`measure/${entry.fileName}`).length - 1);
      expect(entry.privacy).toMatchObject({
        pseudonymized: false,
        individualConsent: true,
        keyKept: false,
        minGroupSize: 5,
        note: SAMPLE_MEASURE_PRIVACY_NOTE,
      });
    }
    const byName = new Map(listed.map((entry) => [entry.name, entry]));
    expect(byName.get('Empathy survey (IRI)')?.settings).toEqual({
      kind: 'survey',
      scale: 'iri',
      columns: {},
      idColumn: 'id',
      teamColumn: 'team',
      waveColumn: 'wave',
    });
    expect(byName.get('Script A/B test')?.settings).toEqual({
      kind: 'experiment',
      comparison: 'ab',
      group: 'script',
      outcome: 'resolved',
    });
    // The team sizes, counted here from the sample network's node table (id,name,team,...).
    const sizes: Record<string, number> = {};
    for (const line of lines('network/nodes.csv').slice(1)) {
      const team = line.split(',')[2] ?? '';
      sizes[team] = (sizes[team] ?? 0) + 1;
    }
    expect(Object.values(sizes).reduce((sum, size) => sum + size, 0)).toBe(100);
    expect(byName.get('KPIs by team')?.settings).toEqual({ kind: 'kpi', unitSizes: sizes });

    const handlers = createHandlers({ workspace, host: 'test' });
    const answer = await dispatch(handlers, 'links.figures', { projectId: project.id });
    if (!answer.ok) throw new Error(answer.error.message);
    const figures = (answer.value as LinkableFigure[]).filter(
      (figure) => figure.instrument === 'measurement',
    );
    const keys = new Set(figures.map((figure) => figure.figure));
    for (const key of [
      'after.EC',
      'latest.PD',
      'latest.engagement',
      'latest.Finance.engagement',
      'latest.nps',
    ])
      expect(keys.has(key)).toBe(true);
    expect(figures.every((figure) => figure.value !== null)).toBe(true);
    workspace.close();
  });

  it('adds nothing when the measurement files are not shipped, and writes nothing when one is broken', () => {
    const workspace = openWorkspace({ dataDir: tempDataDir() });
    const project = workspace.projects.create({ name: 'Care' });
    const empty = mkdtempSync(join(tmpdir(), 'measure-samples-'));
    expect(seedMeasureSamples(workspace, project.id, empty)).toEqual([]);

    const broken = mkdtempSync(join(tmpdir(), 'measure-samples-'));
    cpSync(SAMPLE_DATA, broken, { recursive: true });
    const answers = lines('measure/nps-answers.csv');
    answers[3] = (answers[3] ?? '').replace(/,\d+$/, ',11');
    writeFileSync(join(broken, 'measure', 'nps-answers.csv'), `${answers.join('\n')}\n`);
    expect(() => workspace.db.transaction(() => seedMeasureSamples(workspace, project.id, broken))()).toThrow(
      /nps-answers\.csv row 4/,
    );
    expect(measureDatasetRepository(workspace.db).list(project.id)).toEqual([]);
    workspace.close();
  });
});
