/** Fitting the diagram in the panel, and finding room for a new variable. */
import { describe, expect, it } from 'vitest';
import { diagramOf } from '../../../../model/sd/edit';
import {
  diagramBounds,
  fitTransform,
  freeSpotNear,
  toDiagram,
} from '../../../../renderer/src/dynamics/diagram/viewport';
import { teacupWithDiagram } from '../../../model/sd/edit/helpers';

describe('fitTransform', () => {
  it('centres the bounds and scales them to fit inside the padding', () => {
    const transform = fitTransform({ left: 0, top: 0, right: 200, bottom: 100 }, 1000, 300, 50);
    expect(transform.k).toBe(1.6);
    const wide = fitTransform({ left: 0, top: 0, right: 2000, bottom: 100 }, 1000, 300, 50);
    expect(wide.k).toBeCloseTo(0.45);
    expect(toDiagram(wide, { x: 500, y: 150 })).toEqual({ x: 1000, y: 50 });
  });

  it('shows an empty diagram at scale 1, its origin in the middle', () => {
    expect(fitTransform(undefined, 800, 400)).toEqual({ x: 400, y: 200, k: 1 });
  });
});

describe('diagramBounds', () => {
  it('covers the teacup’s shapes, labels and cloud', () => {
    const bounds = diagramBounds(diagramOf(teacupWithDiagram()));
    expect(bounds).toBeDefined();
    expect(bounds?.left).toBeLessThanOrEqual(132 - 22.5);
    expect(bounds?.right).toBeGreaterThanOrEqual(332 + 13);
    expect(bounds?.top).toBeLessThanOrEqual(43 - 9);
    expect(bounds?.bottom).toBeGreaterThan(139 + 9);
  });
});

describe('freeSpotNear', () => {
  it('keeps a free point, and steps aside from an occupied one', () => {
    const diagram = diagramOf(teacupWithDiagram());
    expect(freeSpotNear(diagram, { x: 600, y: 600 })).toEqual({ x: 600, y: 600 });
    const aside = freeSpotNear(diagram, { x: 132, y: 97 });
    expect(aside).not.toEqual({ x: 132, y: 97 });
    for (const node of diagram.nodes) {
      expect(Math.abs(node.x - aside.x) >= 48 * 1.6 || Math.abs(node.y - aside.y) >= 48).toBe(true);
    }
  });
});
