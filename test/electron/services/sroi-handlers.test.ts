/**
 * The SROI operations through dispatch, as both hosts call them: create blank or from the sample, save a draft,
 * rename, duplicate, delete, and import a file (all or nothing, with errors naming the outcome and field, or the
 * line and column of a JSON syntax error).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { SroiAnalysisRecord, SroiAnalysisSummary } from '../../../electron/api/contract';
import { createHandlers } from '../../../electron/services/handlers';
import { openWorkspace } from '../../../electron/store/workspace';
import { tempDataDir } from '../store/support';

const SAMPLE_TEXT = readFileSync(
  resolve(import.meta.dirname, '../../../sample-data/sroi/empathy-training.json'),
  'utf8',
);
const SAMPLE = JSON.parse(SAMPLE_TEXT) as { name: string; outcomes: Record<string, unknown>[] };

async function setup() {
  const workspace = openWorkspace({ dataDir: tempDataDir() });
  const handlers = createHandlers({ workspace, host: 'test' });
  const project = await dispatch(handlers, 'projects.create', { name: 'Care' });
  if (!project.ok) throw new Error(project.error.message);
  const projectId = (project.value as { id: string }).id;
  const call = async <T>(operation: string, input: unknown): Promise<T> => {
    const result = await dispatch(handlers, operation, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const list = () => call<SroiAnalysisSummary[]>('sroi.list', { projectId });
  return { workspace, handlers, projectId, call, list };
}

describe('SROI operations', () => {
  it('creates a blank analysis with the Green Book rate, and one from the shipped sample', async () => {
    const { workspace, projectId, call, list } = await setup();
    const blank = await call<SroiAnalysisRecord>('sroi.create', { projectId });
    expect(blank.name).toBe('Untitled SROI analysis');
    expect(blank.document).toMatchObject({ discountRate: 0.035, inputs: [], outcomes: [], currency: 'GBP' });
    const sample = await call<SroiAnalysisRecord>('sroi.create', { projectId, template: 'sample' });
    expect(sample.name).toBe(SAMPLE.name);
    expect(sample.document.outcomes.map((outcome) => outcome.id)).toEqual([
      'staff-retention',
      'customer-retention',
      'staff-wellbeing',
    ]);
    const named = await call<SroiAnalysisRecord>('sroi.create', { projectId, name: 'Pilot' });
    expect(named.name).toBe('Pilot');
    expect((await list()).map((summary) => [summary.name, summary.issueCount])).toEqual([
      [SAMPLE.name, 0],
      ['Pilot', 1], // a blank analysis has no inputs yet: the ratio has nothing to divide by
      ['Untitled SROI analysis', 1],
    ]);
    workspace.close();
  });

  it('saves a draft with a rule broken, but refuses a document of the wrong shape, naming outcome and field', async () => {
    const { workspace, handlers, projectId, call } = await setup();
    const sample = await call<SroiAnalysisRecord>('sroi.create', { projectId, template: 'sample' });
    const outcomes = sample.document.outcomes.map((outcome, index) =>
      index === 0 ? { ...outcome, deadweight: 1.2 } : outcome,
    );
    const saved = await call<SroiAnalysisRecord>('sroi.save', {
      id: sample.id,
      document: { ...sample.document, outcomes },
    });
    expect(saved.document.outcomes[0]?.deadweight).toBe(1.2);

    const wrong = await dispatch(handlers, 'sroi.save', {
      id: sample.id,
      document: {
        ...sample.document,
        outcomes: outcomes.map((outcome, index) =>
          index === 1 ? { ...outcome, quantity: 'many' } : outcome,
        ),
      },
    });
    expect(wrong).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringMatching(
          /^The analysis is not an SROI analysis: outcome "customer-retention" quantity must be a finite number \(got "many"\)\.$/,
        ) as unknown,
      },
    });
    expect(
      (await call<SroiAnalysisRecord>('sroi.get', { id: sample.id })).document.outcomes[1]?.quantity,
    ).toBe(19);
    workspace.close();
  });

  it('renames, duplicates and deletes', async () => {
    const { workspace, handlers, projectId, call, list } = await setup();
    const sample = await call<SroiAnalysisRecord>('sroi.create', { projectId, template: 'sample' });
    await call('sroi.rename', { id: sample.id, name: 'Training 2027' });
    const copy = await call<SroiAnalysisRecord>('sroi.duplicate', { id: sample.id });
    expect(copy.name).toBe('Training 2027 (copy)');
    const clash = await dispatch(handlers, 'sroi.rename', { id: copy.id, name: 'training 2027' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call('sroi.delete', { id: copy.id })).toEqual({ id: copy.id });
    expect((await list()).map((summary) => summary.name)).toEqual(['Training 2027']);
    const gone = await dispatch(handlers, 'sroi.get', { id: copy.id });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not-found' } });
    workspace.close();
  });

  it('imports the sample file, and an exported file with its documentation keys', async () => {
    const { workspace, projectId, call } = await setup();
    const imported = await call<SroiAnalysisRecord>('sroi.import', {
      projectId,
      json: SAMPLE_TEXT,
      fileName: 'empathy-training.json',
    });
    expect(imported.document.outcomes).toHaveLength(3);
    const exported = JSON.stringify({
      $schema: 'https://example.invalid/sroi-analysis.schema.json',
      $comment: 'An SROI analysis exported by Empathy Workbench.',
      ...imported.document,
    });
    const again = await call<SroiAnalysisRecord>('sroi.import', { projectId, json: exported });
    expect(again.name).toBe(`${SAMPLE.name} (2)`);
    expect({ ...again.document, name: imported.name }).toEqual(imported.document);
    workspace.close();
  });

  it('refuses a bad file whole, naming the outcome and field or the line and column, and saves nothing', async () => {
    const { workspace, handlers, projectId, list } = await setup();
    const importing = (json: string) =>
      dispatch(handlers, 'sroi.import', { projectId, json, fileName: 'bad.json' });

    const badRate = JSON.stringify({
      ...SAMPLE,
      outcomes: SAMPLE.outcomes.map((outcome, index) =>
        index === 2 ? { ...outcome, dropOff: '30%', colour: 'red' } : outcome,
      ),
    });
    const refused = await importing(badRate);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('invalid-input');
    expect(refused.error.message).toContain('The file "bad.json" is not an SROI analysis:');
    expect(refused.error.message).toContain('outcome "staff-wellbeing" dropOff must be a finite number');
    expect(refused.error.message).toContain('outcome "staff-wellbeing" has an unknown field "colour"');

    const syntax = await importing('{\n  "name": "x",\n  inputs: []\n}');
    expect(syntax).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringMatching(
          /^The file "bad\.json" is not valid JSON at line 3, column 3: /,
        ) as unknown,
      },
    });

    const notObject = await importing('[1, 2]');
    expect(notObject).toMatchObject({
      ok: false,
      error: { message: 'The file "bad.json" is not an SROI analysis: the analysis must be a JSON object.' },
    });

    const missing = await importing(JSON.stringify({ name: 'x', inputs: [] }));
    expect(missing).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('outcomes is missing') as unknown },
    });

    expect(await list()).toEqual([]);
    workspace.close();
  });
});
