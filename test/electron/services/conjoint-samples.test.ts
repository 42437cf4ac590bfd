import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studySchema } from '../../../model/conjoint';
import { choiceDesignFromCsv, seedConjointSample } from '../../../electron/services/conjoint-samples';
import { openWorkspace } from '../../../electron/store/workspace';
import { tempDataDir } from '../store/support';

const SAMPLE_DIR = resolve(import.meta.dirname, '../../../sample-data');
const study = studySchema.parse(JSON.parse(readFileSync(join(SAMPLE_DIR, 'conjoint/study.json'), 'utf8')));

describe('the sample conjoint study', () => {
  it('comes with its design and the 200 respondents’ choices, validated like a user’s files', () => {
    const workspace = openWorkspace({ dataDir: tempDataDir() });
    const project = workspace.projects.create({ name: 'Sample' });
    const record = seedConjointSample(workspace, project.id, SAMPLE_DIR);
    if (record === undefined) throw new Error('not seeded');
    expect(record.name).toBe('Empathetic service');
    const design = record.document.design;
    if (design?.kind !== 'choice') throw new Error('no choice design');
    expect([design.versions.length, design.versions[0]?.length, design.versions[0]?.[0]?.length]).toEqual([
      20, 12, 3,
    ]);
    expect(design.none).toBe(true);
    // README: version 1, task 1, alternative 2 is within 1 hour, bot with human hand-off, personal call, fully understood, 15.
    expect(design.versions[0]?.[0]?.[1]).toEqual([0, 1, 1, 2, 3]);
    const responses = record.document.responses;
    if (responses?.kind !== 'choices') throw new Error('no choices');
    expect(responses.respondents).toHaveLength(200);
    expect(responses.tasks.chosen).toHaveLength(2400);
    expect(responses.hasNone).toBe(true);
    expect(responses.alternatives.none.filter((flag) => flag === 1)).toHaveLength(2400);
    workspace.close();
  });

  it('comes estimated by MNL, each coefficient with the sign of the population it was drawn from', () => {
    const workspace = openWorkspace({ dataDir: tempDataDir() });
    const project = workspace.projects.create({ name: 'Sample' });
    const record = seedConjointSample(workspace, project.id, SAMPLE_DIR);
    const mnl = record?.document.estimations.mnl;
    if (record === undefined || mnl === undefined) throw new Error('no MNL estimate');
    const responses = record.document.responses;
    expect(mnl.dataHash).toBe(responses?.source.dataHash);
    expect(mnl.seed).toBeNull();
    // The simulation's truth (sample-data/conjoint/true-part-worths.json). A pooled MNL shrinks heterogeneous
    // part-worths toward zero, so the check is each one's sign and size order, not its value.
    const truth = (
      JSON.parse(readFileSync(join(SAMPLE_DIR, 'conjoint/true-part-worths.json'), 'utf8')) as {
        partWorths: Record<string, { mean: number }>;
      }
    ).partWorths;
    for (const [name, { mean }] of Object.entries(truth))
      expect(Math.sign(mnl.report.coefficients[name]?.estimate ?? 0), name).toBe(Math.sign(mean));
    const estimate = (name: string) => mnl.report.coefficients[name]?.estimate ?? Number.NaN;
    expect(estimate('reply_time:next day')).toBeLessThan(estimate('reply_time:within 4 hours'));
    expect(estimate('understood:fully understood')).toBeGreaterThan(estimate('understood:listened to'));
    expect(mnl.simulation.names.length).toBe(mnl.simulation.aggregate.length);
    workspace.close();
  });

  it('does nothing when the files are not shipped', () => {
    const workspace = openWorkspace({ dataDir: tempDataDir() });
    const project = workspace.projects.create({ name: 'Sample' });
    expect(
      seedConjointSample(workspace, project.id, mkdtempSync(join(tmpdir(), 'no-samples-'))),
    ).toBeUndefined();
    workspace.close();
  });

  it('names the row of a design level the study does not have', () => {
    const text =
      'version,task,alternative,reply_time,agent,follow_up,understood,price\n1,1,1,soon,bot,none,listened to,10\n';
    expect(() => choiceDesignFromCsv(study, text, new Date())).toThrow(
      'design.csv row 2: "soon" is not a level of reply_time',
    );
  });
});
