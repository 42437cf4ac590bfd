/**
 * Documented loops read from a model (each variable's `<doc>` ending "Loops: R1, B1.", diagram text boxes
 * "R1 Care and revenue (+)") and the names found loops get: documented marks for variants of documented
 * loops, R/B/U numbers by importance otherwise, never colliding with a documented mark.
 */
import { describe, expect, it } from 'vitest';
import type { ModelDocument } from '../../../../model/sd';
import { documentedLoops, type DocumentedLoop } from '../../../../model/sd/loops';
import { compareLoopNames } from '../../../../model/sd/loops';
import { nameLoops, type NamingCandidate } from '../../../../model/sd/loops/naming';
import { readModel } from '../../../sample-data/empathy-model';

const documented = (id: string, variables: readonly string[], title?: string): DocumentedLoop => ({
  id,
  title,
  polarity: id.startsWith('R') ? 'reinforcing' : 'balancing',
  variables: new Set(variables),
});

const candidate = (
  ids: readonly string[],
  polarity: NamingCandidate['polarity'],
  importance = 0,
): NamingCandidate => ({ ids, polarity, importance });

describe('documented loops', () => {
  it('reads the empathy model’s ten loops, their titles and members', () => {
    const loops = documentedLoops(readModel());
    expect(loops.map((loop) => loop.id)).toEqual([
      'R1',
      'R2',
      'R3',
      'R4',
      'R5',
      'R6',
      'B1',
      'B2',
      'B3',
      'B4',
    ]);
    const r2 = loops.find((loop) => loop.id === 'R2');
    expect(r2?.title).toBe('Word of mouth');
    expect(r2?.polarity).toBe('reinforcing');
    expect(r2?.variables.has('customer_acquisition')).toBe(true);
    expect(loops.find((loop) => loop.id === 'B4')?.title).toBe('Overtime');
  });

  it('finds none in a model that documents none', () => {
    const bare = { ...readModel(), views: undefined };
    const document: ModelDocument = {
      ...bare,
      variables: bare.variables.map((variable) => ({ ...variable, doc: 'No loop here.' })),
    };
    expect(documentedLoops(document)).toEqual([]);
  });
});

describe('loop names', () => {
  const hiring = documented(
    'B2',
    ['total_staff', 'hiring', 'rookie_staff', 'maturation', 'experienced'],
    'Hiring',
  );

  it('gives the documented mark to every variant of a documented loop, the longest first', () => {
    const names = nameLoops(
      [
        candidate(['rookie_staff', 'total_staff', 'hiring'], 'balancing', 0.5),
        candidate(['rookie_staff', 'maturation', 'experienced', 'total_staff', 'hiring'], 'balancing', 0.1),
      ],
      [hiring],
    );
    expect(names).toEqual([
      { name: 'B2.2', title: 'Hiring', documented: true },
      { name: 'B2', title: 'Hiring', documented: true },
    ]);
  });

  it('does not name a loop after a documented one of the other polarity, nor a stock with its own flow', () => {
    const names = nameLoops(
      [
        candidate(['rookie_staff', 'total_staff', 'hiring'], 'reinforcing', 0.2),
        candidate(['rookie_staff', 'hiring'], 'balancing', 0.3),
      ],
      [hiring],
    );
    expect(names.map((name) => [name.name, name.documented])).toEqual([
      ['R1', false],
      ['B1', false],
    ]);
  });

  it('numbers undocumented loops by importance, skipping documented marks, U for undetermined', () => {
    const names = nameLoops(
      [
        candidate(['a', 'b'], 'reinforcing', 0.1),
        candidate(['c', 'd'], 'reinforcing', 0.4),
        candidate(['e', 'f'], 'changing', 0.2),
        candidate(['g', 'h'], 'balancing', 0.3),
      ],
      [documented('R1', ['x', 'y', 'z']), documented('R2', ['x', 'y', 'w'])],
    );
    expect(names.map((name) => name.name)).toEqual(['R4', 'R3', 'U1', 'B1']);
  });

  it('a loop inside two documented loops belongs to the more specific one', () => {
    const names = nameLoops(
      [candidate(['a', 'b', 'c'], 'reinforcing')],
      [documented('R1', ['a', 'b', 'c', 'd', 'e']), documented('R2', ['a', 'b', 'c', 'd'])],
    );
    expect(names[0]?.name).toBe('R2');
  });

  it('sorts names in reading order', () => {
    expect(['B1', 'R10', 'U1', 'R1.2', 'R2', 'R1', 'B1.2'].sort(compareLoopNames)).toEqual([
      'R1',
      'R1.2',
      'R2',
      'R10',
      'B1',
      'B1.2',
      'U1',
    ]);
  });
});
