/**
 * Choice tasks: random and balanced overlap, with and without None; no repeated profile within a task, no
 * prohibited profile, seeded; balanced overlap keeps levels balanced and overlaps less than random.
 */
import { describe, expect, it } from 'vitest';
import {
  choiceDesign,
  choiceDesignRows,
  isProhibited,
  levelOverlap,
  studySchema,
  type ChoiceDesign,
} from '../../../model/conjoint';

const study = studySchema.parse({
  name: 'service',
  attributes: [
    { kind: 'categorical', name: 'agent', levels: ['bot', 'human'] },
    { kind: 'categorical', name: 'reply', levels: ['1 hour', '4 hours', '24 hours'] },
    { kind: 'categorical', name: 'follow-up', levels: ['no', 'yes'] },
    { kind: 'numeric', name: 'price', levels: [5, 10, 15, 20] },
  ],
  price: 'price',
  prohibitions: [{ agent: 'bot', 'follow-up': 'yes' }],
});

function levelUsage(design: ChoiceDesign): number[][] {
  const usage = study.attributes.map((attribute) => new Array<number>(attribute.levels.length).fill(0));
  for (const version of design.versions)
    for (const task of version)
      for (const profile of task)
        profile.forEach((level, a) => {
          const counts = usage[a] as number[];
          counts[level] = (counts[level] as number) + 1;
        });
  return usage;
}

describe('choice tasks', () => {
  for (const method of ['random', 'balanced-overlap'] as const) {
    it(`${method}: the asked shape, distinct allowed profiles in every task, reproducible`, () => {
      const design = choiceDesign(study, { versions: 4, tasks: 10, alternatives: 3, method, seed: 5 });
      expect(design.versions).toHaveLength(4);
      for (const version of design.versions) {
        expect(version).toHaveLength(10);
        for (const task of version) {
          expect(task).toHaveLength(3);
          expect(new Set(task.map((profile) => profile.join(','))).size).toBe(3);
          expect(task.some((profile) => isProhibited(study, profile))).toBe(false);
        }
      }
      expect(choiceDesign(study, { versions: 4, tasks: 10, alternatives: 3, method, seed: 5 })).toEqual(
        design,
      );
    });
  }

  it('balanced overlap balances levels better and overlaps less than random', () => {
    const options = { versions: 10, tasks: 12, alternatives: 3, seed: 2 };
    const balanced = choiceDesign(study, { ...options, method: 'balanced-overlap' });
    const random = choiceDesign(study, { ...options, method: 'random' });
    // Reply time and price: the prohibition (a bot cannot follow up) makes agent and follow-up unequal by design.
    const spread = (design: ChoiceDesign) =>
      Math.max(
        ...levelUsage(design)
          .filter((_, a) => a === 1 || a === 3)
          .map(
            (counts) =>
              (Math.max(...counts) - Math.min(...counts)) /
              (counts.reduce((a, b) => a + b, 0) / counts.length),
          ),
      );
    expect(spread(balanced)).toBeLessThan(spread(random));
    expect(spread(balanced)).toBeLessThan(0.1);
    expect(levelOverlap(balanced)).toBeLessThan(levelOverlap(random));
    expect(levelOverlap(balanced)).toBeGreaterThan(0);
  });

  it('None: one more row per task in the long form, labelled and blank', () => {
    const design = choiceDesign(study, { tasks: 2, alternatives: 2, method: 'random', none: true, seed: 1 });
    const { columns, rows } = choiceDesignRows(study, design);
    expect(columns).toEqual(['version', 'task', 'alternative', 'agent', 'reply', 'follow-up', 'price']);
    expect(rows).toHaveLength(6);
    expect(rows[2]).toEqual(['1', '1', 'none', '', '', '', '']);
    expect(rows[0]?.[6]).toMatch(/^(5|10|15|20)$/);
  });

  it('refuses tasks that cannot be filled', () => {
    const tiny = studySchema.parse({
      name: 't',
      attributes: [{ kind: 'categorical', name: 'a', levels: ['x', 'y'] }],
    });
    expect(() => choiceDesign(tiny, { tasks: 1, alternatives: 3, method: 'random' })).toThrow(
      /only 2 different profiles/,
    );
  });
});
