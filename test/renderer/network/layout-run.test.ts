/**
 * The fcose layout on a headless cytoscape (renderer/src/network/graph/layout-run.ts): the same picture for the
 * same seed, every person placed at a finite point, and people tied to each other closer than people not tied.
 */
import { describe, expect, it } from 'vitest';
import { runLayout, spread } from '../../../renderer/src/network/graph/layout-run';

// Two triangles joined by one tie: 0-1-2 and 3-4-5, with 2-3 between them.
const edges = Int32Array.from([0, 1, 1, 2, 2, 0, 3, 4, 4, 5, 5, 3, 2, 3]);
const input = { order: 6, edges, diameters: new Float64Array(6).fill(18), seed: 2026 };

describe('runLayout', () => {
  it('places everyone, the same way for the same seed', () => {
    const first = runLayout(input);
    expect(first).toHaveLength(12);
    expect([...first].every(Number.isFinite)).toBe(true);
    expect([...runLayout(input)]).toEqual([...first]);
  });

  it('keeps each triangle together', () => {
    const at = runLayout(input);
    const distance = (a: number, b: number) =>
      Math.hypot(
        (at[a * 2] as number) - (at[b * 2] as number),
        (at[a * 2 + 1] as number) - (at[b * 2 + 1] as number),
      );
    expect(distance(0, 1)).toBeLessThan(distance(0, 4));
    expect(distance(3, 4)).toBeLessThan(distance(1, 5));
  });
});

describe('spread', () => {
  it('scales a packed layout about its centre until each person has 48 px of room (worked by hand)', () => {
    // Four people on a 10 x 10 square need 4 * 48^2 = 9,216 px^2: the factor is sqrt(9216 / 100) = 9.6.
    const packed = Float64Array.from([0, 0, 10, 0, 0, 10, 10, 10]);
    expect([...spread(packed, 4)]).toEqual([-43, -43, 53, -43, -43, 53, 53, 53]);
  });

  it('leaves a roomy layout as it is', () => {
    const roomy = Float64Array.from([0, 0, 1000, 0, 0, 1000]);
    expect([...spread(roomy.slice(), 3)]).toEqual([...roomy]);
  });
});
