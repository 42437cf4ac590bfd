import { describe, expect, it } from 'vitest';
import type { ProjectId } from '../../../model/schema/project';
import type { SroiAnalysis } from '../../../model/sroi';
import type { SroiAnalysisId } from '../../../electron/store/sroi-analysis-record';
import { createSroiAnalysisRepository } from '../../../electron/store/sroi-analyses';
import { openWorkspace } from '../../../electron/store/workspace';
import { tempDataDir, testClock } from './support';

const ANALYSIS: SroiAnalysis = {
  name: 'Coaching',
  currency: 'GBP',
  discountRate: 0.035,
  inputs: [{ stakeholder: 'Firm', description: 'Coach fees', value: 1000, kind: 'cash' }],
  outcomes: [
    {
      id: 'calm',
      stakeholder: 'Staff',
      outcome: 'Calmer staff',
      indicator: 'Survey',
      quantity: 10,
      durationYears: 2,
      startYear: 1,
      proxyValue: 200,
      proxySource: 'Assumption',
      deadweight: 0.1,
      displacement: 0,
      attribution: 0.2,
      dropOff: 0.3,
      quantityLink: {
        model: 'Empathy reference model',
        scenario: 'Empathy programme',
        baseline: 'Status quo',
        variable: 'Total quits',
        aggregation: 'annual-sum',
        scale: -1,
      },
    },
  ],
};

function fixture() {
  const clock = testClock();
  const workspace = openWorkspace({ dataDir: tempDataDir(), now: clock.now });
  const project = workspace.projects.create({ name: 'Care' });
  const analyses = createSroiAnalysisRepository(workspace.db, clock.now);
  return { clock, workspace, project, analyses };
}

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('SROI analysis repository', () => {
  it('saves an analysis whole and reads it back through its schema, touching the project', () => {
    const { workspace, project, analyses, clock } = fixture();
    clock.advance(1000);
    const created = analyses.create(project.id, ANALYSIS);
    expect(created.name).toBe('Coaching');
    expect(created.document).toEqual(ANALYSIS);
    expect(analyses.get(created.id)).toEqual(created);
    expect(workspace.projects.get(project.id).updatedAt).toBe(created.createdAt);
    expect(analyses.list(project.id)).toEqual([
      {
        id: created.id,
        projectId: project.id,
        name: 'Coaching',
        description: '',
        outcomeCount: 1,
        linkedOutcomeCount: 1,
        issueCount: 0,
        createdAt: created.createdAt,
        updatedAt: created.updatedAt,
      },
    ]);
    workspace.close();
  });

  it('saves a draft that breaks a rule of the method, and counts its issues in the list', () => {
    const { workspace, project, analyses, clock } = fixture();
    const created = analyses.create(project.id, ANALYSIS);
    clock.advance(1000);
    const [outcome] = ANALYSIS.outcomes;
    if (outcome === undefined) throw new Error('no outcome');
    const draft = { ...ANALYSIS, outcomes: [{ ...outcome, deadweight: 1.2 }] };
    const saved = analyses.save(created.id, draft);
    expect(saved.updatedAt > created.updatedAt).toBe(true);
    expect(analyses.get(created.id).document.outcomes[0]?.deadweight).toBe(1.2);
    expect(analyses.list(project.id)[0]?.issueCount).toBe(1);
    workspace.close();
  });

  it('gives a created or duplicated analysis a free name, and refuses a clashing rename or save', () => {
    const { workspace, project, analyses } = fixture();
    const first = analyses.create(project.id, ANALYSIS);
    const second = analyses.create(project.id, { ...ANALYSIS, name: 'coaching' });
    expect(second.name).toBe('coaching (2)');
    expect(second.document.name).toBe('coaching (2)');
    expect(analyses.duplicate(first.id).name).toBe('Coaching (copy)');
    expect(analyses.duplicate(first.id).name).toBe('Coaching (copy) (2)');
    expect(analyses.duplicate(first.id, 'Coaching, take two').name).toBe('Coaching, take two');
    expect(() => analyses.rename(second.id, 'COACHING')).toThrow(
      /already has an SROI analysis named "Coaching"/,
    );
    expect(() => analyses.save(second.id, { ...ANALYSIS, name: 'Coaching' })).toThrow(/already has/);
    const renamed = analyses.rename(second.id, '  Coaching 2027 ');
    expect(renamed.name).toBe('Coaching 2027');
    expect(analyses.get(second.id).document.name).toBe('Coaching 2027');
    expect(analyses.list(project.id).map((summary) => summary.name)).toEqual([
      'Coaching',
      'Coaching (copy)',
      'Coaching (copy) (2)',
      'Coaching 2027',
      'Coaching, take two',
    ]);
    workspace.close();
  });

  it('refuses a name the document schema refuses, and leaves the saved row as it was', () => {
    const { workspace, project, analyses } = fixture();
    const created = analyses.create(project.id, ANALYSIS);
    expect(() => analyses.rename(created.id, 'two\nlines')).toThrow(/name is not valid/);
    expect(() => analyses.rename(created.id, '   ')).toThrow(/needs a name/);
    expect(analyses.get(created.id).name).toBe('Coaching');
    workspace.close();
  });

  it('answers not-found for a missing analysis or project', () => {
    const { workspace, analyses } = fixture();
    expect(() => analyses.get(MISSING as SroiAnalysisId)).toThrow(/No SROI analysis/);
    expect(() => analyses.delete(MISSING as SroiAnalysisId)).toThrow(/No SROI analysis/);
    expect(() => analyses.list(MISSING as ProjectId)).toThrow(/No project/);
    expect(() => analyses.create(MISSING as ProjectId, ANALYSIS)).toThrow(/No project/);
    workspace.close();
  });

  it('deletes an analysis, and a project with its analyses', () => {
    const { workspace, project, analyses } = fixture();
    const first = analyses.create(project.id, ANALYSIS);
    analyses.create(project.id, { ...ANALYSIS, name: 'Other' });
    analyses.delete(first.id);
    expect(analyses.list(project.id).map((summary) => summary.name)).toEqual(['Other']);
    workspace.projects.delete(project.id);
    const left = workspace.db.prepare('SELECT COUNT(*) AS n FROM sroi_analyses').get() as { n: number };
    expect(left.n).toBe(0);
    workspace.close();
  });

  it('reports a damaged row by table, row and field, lists it with its problem, and leaves it on disk', () => {
    const { workspace, project, analyses } = fixture();
    const created = analyses.create(project.id, ANALYSIS);
    const broken = JSON.stringify({
      ...ANALYSIS,
      outcomes: [{ ...ANALYSIS.outcomes[0], quantity: 'ten' }],
    });
    workspace.db.prepare('UPDATE sroi_analyses SET document = ? WHERE id = ?').run(broken, created.id);
    expect(() => analyses.get(created.id)).toThrow(
      /sroi_analyses row ".*" is not valid: field "document\.outcomes\.0\.quantity"/,
    );
    const [summary] = analyses.list(project.id);
    expect(summary?.problem).toMatch(/document\.outcomes\.0\.quantity/);
    const stored = workspace.db
      .prepare('SELECT document FROM sroi_analyses WHERE id = ?')
      .pluck()
      .get(created.id);
    expect(stored).toBe(broken);
    workspace.close();
  });

  it('reads the name from its column when a hand edit left the document saying otherwise', () => {
    const { workspace, project, analyses } = fixture();
    const created = analyses.create(project.id, ANALYSIS);
    workspace.db
      .prepare('UPDATE sroi_analyses SET document = ? WHERE id = ?')
      .run(JSON.stringify({ ...ANALYSIS, name: 'Edited by hand' }), created.id);
    expect(analyses.get(created.id).document.name).toBe('Coaching');
    workspace.close();
  });
});
