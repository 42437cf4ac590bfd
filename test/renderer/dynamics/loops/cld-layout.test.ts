/** The causal loop diagram's layout: variables on circles in loop order, one link per pair, a marker per loop. */
import { describe, expect, it } from 'vitest';
import type { AnalyzedLoop } from '../../../../model/sd/loops';
import { causalLoopLayout } from '../../../../renderer/src/dynamics/loops/cld-layout';

function loop(name: string, variables: string[], polarities: ('+' | '-')[]): AnalyzedLoop {
  return {
    name,
    title: undefined,
    documented: false,
    variables,
    ids: variables,
    links: variables.map((from, index) => ({
      from,
      to: variables[(index + 1) % variables.length] as string,
      polarity: polarities[index] ?? '+',
    })),
    polarity: polarities.filter((sign) => sign === '-').length % 2 === 0 ? 'reinforcing' : 'balancing',
    score: new Float64Array(),
    relativeScore: new Float64Array(),
    importance: 0,
    partition: 0,
  };
}

const hiring = loop('B2', ['Rookie Staff', 'Total staff', 'Hiring'], ['+', '-', '+']);
const maturation = loop('B3', ['Rookie Staff', 'Rookie maturation'], ['+', '-']);
const customers = loop('R2', ['Customers', 'Acquisition'], ['+', '+']);

describe('causal loop diagram layout', () => {
  it('puts one loop’s variables on a circle, clockwise from the top, its marker in the middle', () => {
    const layout = causalLoopLayout([hiring]);
    expect(layout.nodes.map((node) => node.name)).toEqual(['Rookie Staff', 'Total staff', 'Hiring']);
    const [first, second] = layout.nodes;
    const centre = { x: layout.width / 2, y: layout.height / 2 };
    // First at the top, the next one to its right (clockwise on screen).
    expect(first?.y).toBeLessThan(centre.y);
    expect(first?.x).toBeCloseTo(centre.x, 6);
    expect(second?.x).toBeGreaterThan(centre.x);
    const radii = layout.nodes.map((node) => Math.hypot(node.x - centre.x, node.y - centre.y));
    for (const radius of radii) expect(radius).toBeCloseTo(radii[0] as number, 6);
    expect(layout.markers).toEqual([
      expect.objectContaining({ name: 'B2', polarity: 'balancing', x: expect.closeTo(centre.x, 6) }),
    ]);
    expect(layout.links.map((link) => [link.from, link.to, link.polarity])).toEqual([
      ['Rookie Staff', 'Total staff', '+'],
      ['Total staff', 'Hiring', '-'],
      ['Hiring', 'Rookie Staff', '+'],
    ]);
    for (const link of layout.links)
      expect(link.path).toMatch(/^M[\d.]+,[\d.]+Q[\d.]+,[\d.]+ [\d.]+,[\d.]+$/);
  });

  it('shares the variables of loops that meet, and draws loops that do not meet on circles of their own', () => {
    const layout = causalLoopLayout([hiring, maturation, customers]);
    expect(layout.nodes.map((node) => node.name)).toEqual([
      'Rookie Staff',
      'Total staff',
      'Hiring',
      'Rookie maturation',
      'Customers',
      'Acquisition',
    ]);
    expect(layout.links).toHaveLength(3 + 2 + 2);
    const y = (name: string) => layout.nodes.find((node) => node.name === name)?.y ?? 0;
    // The second circle lies wholly below the first.
    expect(Math.min(y('Customers'), y('Acquisition'))).toBeGreaterThan(
      Math.max(y('Rookie Staff'), y('Total staff'), y('Hiring'), y('Rookie maturation')),
    );
    expect(layout.markers.map((marker) => marker.name)).toEqual(['B2', 'B3', 'R2']);
  });
});
