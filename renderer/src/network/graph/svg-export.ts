/**
 * The graph as an SVG file, written by hand: the cytoscape-svg extension is GPL-3.0 and cannot ship with the
 * workbench. People are circles, ties are lines ending in an arrowhead at the receiver's circle (directed
 * networks), names are text under the circles. Coordinates are the layout's own; the viewBox frames them,
 * so the file opens at the same proportions in a browser, Inkscape or a slide.
 *
 * Arrowheads are drawn as triangles rather than SVG markers: a marker's colour and size follow the line in
 * SVG 2 only, and several editors still draw SVG 1.1 markers black.
 */

export interface SvgNode {
  readonly x: number;
  readonly y: number;
  readonly diameter: number;
  readonly color: string;
  readonly label?: string;
}

export interface SvgEdge {
  /** Indices into the scene's nodes. */
  readonly source: number;
  readonly target: number;
  readonly width: number;
}

export interface SvgScene {
  readonly title: string;
  readonly directed: boolean;
  readonly nodes: readonly SvgNode[];
  readonly edges: readonly SvgEdge[];
  readonly background: string;
  readonly edgeColor: string;
  readonly labelColor: string;
  readonly nodeBorderColor: string;
  /** Label size in the layout's units (default 10). */
  readonly fontSize?: number;
}

const PADDING = 24;

/** Text for an SVG element or attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Two decimals are finer than any screen or printer needs, and keep a 2,000-person file small. */
const num = (value: number): string => String(Math.round(value * 100) / 100);

/** The arrowhead of a line `width` wide: its length along the line and its half-width across. */
export function arrowSize(width: number): { readonly length: number; readonly halfWidth: number } {
  return { length: 6 + 2 * width, halfWidth: 3 + width };
}

/** The line and arrowhead of one tie, from circle edge to circle edge; null when the circles overlap. */
export function edgeGeometry(
  from: SvgNode,
  to: SvgNode,
  width: number,
  directed: boolean,
): { line: [number, number, number, number]; arrow: [number, number][] | null } | null {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const distance = Math.hypot(dx, dy);
  const fromRadius = from.diameter / 2;
  const toRadius = to.diameter / 2;
  const { length, halfWidth } = arrowSize(width);
  const room = distance - fromRadius - toRadius;
  if (room <= (directed ? length : 0)) return null;
  const ux = dx / distance;
  const uy = dy / distance;
  const startX = from.x + ux * fromRadius;
  const startY = from.y + uy * fromRadius;
  const tipX = to.x - ux * toRadius;
  const tipY = to.y - uy * toRadius;
  if (!directed) return { line: [startX, startY, tipX, tipY], arrow: null };
  const baseX = tipX - ux * length;
  const baseY = tipY - uy * length;
  return {
    line: [startX, startY, baseX, baseY],
    arrow: [
      [tipX, tipY],
      [baseX - uy * halfWidth, baseY + ux * halfWidth],
      [baseX + uy * halfWidth, baseY - ux * halfWidth],
    ],
  };
}

/** The whole SVG document. */
export function sceneToSvg(scene: SvgScene): string {
  const fontSize = scene.fontSize ?? 10;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of scene.nodes) {
    const radius = node.diameter / 2;
    minX = Math.min(minX, node.x - radius);
    maxX = Math.max(maxX, node.x + radius);
    minY = Math.min(minY, node.y - radius);
    // Room for the label under the circle.
    maxY = Math.max(maxY, node.y + radius + (node.label === undefined ? 0 : fontSize * 1.4));
  }
  if (scene.nodes.length === 0) [minX, minY, maxX, maxY] = [0, 0, 0, 0];
  const x = minX - PADDING;
  const y = minY - PADDING;
  const width = maxX - minX + 2 * PADDING;
  const height = maxY - minY + 2 * PADDING;

  const lines: string[] = [];
  const arrows: string[] = [];
  for (const edge of scene.edges) {
    const from = scene.nodes[edge.source];
    const to = scene.nodes[edge.target];
    if (from === undefined || to === undefined) continue;
    const geometry = edgeGeometry(from, to, edge.width, scene.directed);
    if (geometry === null) continue;
    const [x1, y1, x2, y2] = geometry.line;
    lines.push(
      `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke-width="${num(edge.width)}"/>`,
    );
    if (geometry.arrow !== null)
      arrows.push(
        `<polygon points="${geometry.arrow.map(([px, py]) => `${num(px)},${num(py)}`).join(' ')}"/>`,
      );
  }
  const circles = scene.nodes.map(
    (node) =>
      `<circle cx="${num(node.x)}" cy="${num(node.y)}" r="${num(node.diameter / 2)}" fill="${escapeXml(node.color)}"/>`,
  );
  const labels = scene.nodes
    .filter((node) => node.label !== undefined && node.label !== '')
    .map(
      (node) =>
        `<text x="${num(node.x)}" y="${num(node.y + node.diameter / 2 + fontSize * 1.1)}">${escapeXml(node.label ?? '')}</text>`,
    );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(x)} ${num(y)} ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}">`,
    `<title>${escapeXml(scene.title)}</title>`,
    `<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" fill="${escapeXml(scene.background)}"/>`,
    `<g class="ties" stroke="${escapeXml(scene.edgeColor)}" stroke-opacity="0.6" stroke-linecap="round">`,
    ...lines,
    '</g>',
    `<g class="arrows" fill="${escapeXml(scene.edgeColor)}" fill-opacity="0.8">`,
    ...arrows,
    '</g>',
    `<g class="people" stroke="${escapeXml(scene.nodeBorderColor)}" stroke-width="1">`,
    ...circles,
    '</g>',
    `<g class="labels" fill="${escapeXml(scene.labelColor)}" font-family="system-ui, sans-serif" font-size="${num(fontSize)}" text-anchor="middle">`,
    ...labels,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
