import { describe, expect, it } from 'vitest';
import type { LinkableFigure } from '../../../../model/schema/figure';
import { resolveScenario } from '../../../../renderer/src/dynamics/scenarios/scenario-links';

const reciprocity: LinkableFigure = {
  instrument: 'network',
  documentId: 'net-1',
  documentName: 'Support ties',
  figure: 'after.reciprocity',
  label: 'Reciprocity (after)',
  value: 0.42,
};

const link = {
  variable: 'Leadership commitment',
  source: { instrument: 'network' as const, documentId: 'net-1', figure: 'after.reciprocity' },
};

describe('scenario links', () => {
  it('sets a linked constant from its figure, over the stored value of the same constant in any spelling', () => {
    const resolved = resolveScenario(
      {
        overrides: { leadership_commitment: 0.8, 'Training budget': 0.02 },
        links: [{ ...link, scale: 2, offset: 0.1 }],
      },
      [reciprocity],
    );
    expect(resolved.overrides).toEqual({ 'Training budget': 0.02, 'Leadership commitment': 2 * 0.42 + 0.1 });
    expect(resolved.linked).toHaveLength(1);
    expect(resolved.problems).toEqual([]);
  });

  it('keeps the stored value and says why when the figure is gone or has no value', () => {
    const gone = resolveScenario({ overrides: { 'Leadership commitment': 0.8 }, links: [link] }, []);
    expect(gone.overrides).toEqual({ 'Leadership commitment': 0.8 });
    expect(gone.problems[0]).toMatch(/no longer exists/);
    const empty = resolveScenario({ overrides: {}, links: [link] }, [{ ...reciprocity, value: null }]);
    expect(empty.overrides).toEqual({});
    expect(empty.problems[0]).toMatch(/has no value yet/);
  });
});
