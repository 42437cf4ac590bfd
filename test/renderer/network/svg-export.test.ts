/**
 * The hand-written SVG export (renderer/src/network/graph/svg-export.ts): geometry worked by hand, a file an XML
 * parser accepts, names escaped, and one circle per person and one line (plus an arrowhead when directed) per tie.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  arrowSize,
  edgeGeometry,
  escapeXml,
  sceneToSvg,
  type SvgScene,
} from '../../../renderer/src/network/graph/svg-export';

const scene = (directed: boolean): SvgScene => ({
  title: 'Team <A> & "B"',
  directed,
  nodes: [
    { x: 0, y: 0, diameter: 20, color: '#E69F00', label: 'Ana & Bo' },
    { x: 100, y: 0, diameter: 20, color: '#56B4E9', label: 'Cy <3' },
    { x: 100, y: 100, diameter: 40, color: '#009E73' },
  ],
  edges: [
    { source: 0, target: 1, width: 1 },
    { source: 1, target: 2, width: 2 },
  ],
  background: '#ffffff',
  edgeColor: '#5b6578',
  labelColor: '#1c2330',
  nodeBorderColor: '#ffffff',
});

describe('edgeGeometry', () => {
  it('runs from circle edge to circle edge, leaving the arrowhead room (worked by hand)', () => {
    // Centres 100 apart, radii 10: the line leaves at x = 10, the tip touches x = 90; a width-1 arrow is
    // 6 + 2 = 8 long and 3 + 1 = 4 half-wide, so the line stops at 82 and the base corners are (82, ±4).
    expect(arrowSize(1)).toEqual({ length: 8, halfWidth: 4 });
    const geometry = edgeGeometry(
      { x: 0, y: 0, diameter: 20, color: '' },
      { x: 100, y: 0, diameter: 20, color: '' },
      1,
      true,
    );
    expect(geometry?.line).toEqual([10, 0, 82, 0]);
    expect(geometry?.arrow).toEqual([
      [90, 0],
      [82, 4],
      [82, -4],
    ]);
  });

  it('follows the direction of the tie (a vertical tie downwards)', () => {
    // From (100, 0) r 10 to (100, 100) r 20, width 2: line from y 10, tip at y 80, arrow 10 long, 5 half-wide.
    const geometry = edgeGeometry(
      { x: 100, y: 0, diameter: 20, color: '' },
      { x: 100, y: 100, diameter: 40, color: '' },
      2,
      true,
    );
    expect(geometry?.line.map((value) => Math.round(value * 1e9) / 1e9)).toEqual([100, 10, 100, 70]);
    expect(geometry?.arrow?.map(([x, y]) => [Math.round(x * 1e9) / 1e9, Math.round(y * 1e9) / 1e9])).toEqual([
      [100, 80],
      [95, 70],
      [105, 70],
    ]);
  });

  it('draws undirected ties to the circle and nothing between overlapping circles', () => {
    const a = { x: 0, y: 0, diameter: 20, color: '' };
    expect(edgeGeometry(a, { x: 100, y: 0, diameter: 20, color: '' }, 1, false)).toEqual({
      line: [10, 0, 90, 0],
      arrow: null,
    });
    expect(edgeGeometry(a, { x: 15, y: 0, diameter: 20, color: '' }, 1, true)).toBeNull();
  });
});

describe('sceneToSvg', () => {
  it('writes a well-formed SVG with a circle per person and a line and arrowhead per tie', () => {
    const svg = sceneToSvg(scene(true));
    expect(XMLValidator.validate(svg)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg) as {
      svg: {
        viewBox: string;
        title: string;
        g: { class: string; circle?: unknown[]; line?: unknown[]; polygon?: unknown[]; text?: unknown[] }[];
      };
    };
    const group = (name: string) => parsed.svg.g.find((candidate) => candidate.class === name);
    expect(group('people')?.circle).toHaveLength(3);
    expect(group('ties')?.line).toHaveLength(2);
    expect(group('arrows')?.polygon).toHaveLength(2);
    expect(group('labels')?.text).toHaveLength(2);
    expect(parsed.svg.title).toBe('Team <A> & "B"');
    // Bounds: x from -10 to 120, y from -10 to 120 + the 14-unit label room of the labelled nodes (y = 0 + 10 + 14
    // = 24 is below 120, so 120 stays), plus 24 of padding on each side.
    expect(parsed.svg.viewBox).toBe('-34 -34 178 178');
  });

  it('escapes names and leaves arrowheads out when the ties are undirected', () => {
    const svg = sceneToSvg(scene(false));
    expect(svg).toContain('>Ana &amp; Bo</text>');
    expect(svg).toContain('>Cy &lt;3</text>');
    expect(svg).not.toContain('<polygon');
    expect(XMLValidator.validate(svg)).toBe(true);
  });

  it('writes an empty picture for an empty scene', () => {
    const svg = sceneToSvg({ ...scene(true), nodes: [], edges: [] });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('NaN');
    expect(svg).not.toContain('Infinity');
  });

  it('escapes the five XML characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
