/**
 * Drawing a large network's ties in one go (edge-layer.ts): the ties grouped by line width and each group
 * stroked as one path, which a canvas draws far faster than a stroke per tie (what cytoscape does, with a style
 * lookup each). Pure: the layer's worker draws with it on an OffscreenCanvas, and the tests on a recording
 * context.
 */

/** The ties and where their people are, in the graph's (model) coordinates. */
export interface EdgeScene {
  /** x, y per person. */
  readonly positions: Float64Array;
  /** source, target per tie (person indices). */
  readonly edges: Int32Array;
  /** Line width per tie, in pixels at zoom 1. */
  readonly widths: Float64Array;
  /** 1 when the tie is shown (filters), per tie; null: all. */
  readonly visible: Uint8Array | null;
  readonly color: string;
  readonly alpha: number;
}

/** A view of the graph: screen = model × zoom + pan, in CSS pixels, on a width × height area. */
export interface EdgeViewport {
  readonly zoom: number;
  readonly panX: number;
  readonly panY: number;
  readonly width: number;
  readonly height: number;
}

/** What drawing needs of a 2D context (a CanvasRenderingContext2D or an OffscreenCanvasRenderingContext2D). */
export interface EdgeContext {
  globalAlpha: number;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  lineCap: CanvasLineCap;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, width: number, height: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
}

/** Widths are grouped to the quarter pixel: finer differences do not show. */
const WIDTH_STEP = 0.25;

/** The shown ties' indices grouped by their width (rounded to WIDTH_STEP), thinnest first. */
export function widthGroups(widths: Float64Array, visible: Uint8Array | null): [number, Int32Array][] {
  const groups = new Map<number, number[]>();
  for (let index = 0; index < widths.length; index++) {
    if (visible !== null && visible[index] !== 1) continue;
    const width = Math.max(WIDTH_STEP, Math.round((widths[index] ?? 1) / WIDTH_STEP) * WIDTH_STEP);
    const members = groups.get(width);
    if (members === undefined) groups.set(width, [index]);
    else members.push(index);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([width, members]): [number, Int32Array] => [width, Int32Array.from(members)]);
}

/**
 * Draws the ties for `viewport` on a canvas `margin` CSS pixels larger on each side than the view (so a pan
 * shows ties already drawn), at `pixelRatio` device pixels per CSS pixel. A tie with both ends beyond the same
 * side of the canvas is skipped.
 */
export function drawEdges(
  context: EdgeContext,
  scene: EdgeScene,
  groups: readonly (readonly [number, Int32Array])[],
  viewport: EdgeViewport,
  margin: number,
  pixelRatio: number,
): void {
  const { zoom, panX, panY } = viewport;
  const width = viewport.width + 2 * margin;
  const height = viewport.height + 2 * margin;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, width * pixelRatio, height * pixelRatio);
  // Model to canvas pixels: the view's transform, shifted by the margin, at the device's pixel ratio.
  const scale = zoom * pixelRatio;
  const offsetX = (panX + margin) * pixelRatio;
  const offsetY = (panY + margin) * pixelRatio;
  context.setTransform(scale, 0, 0, scale, offsetX, offsetY);
  // The canvas in model coordinates, to skip what cannot show.
  const left = -offsetX / scale;
  const top = -offsetY / scale;
  const right = left + (width * pixelRatio) / scale;
  const bottom = top + (height * pixelRatio) / scale;
  const { positions, edges } = scene;
  context.globalAlpha = scene.alpha;
  context.strokeStyle = scene.color;
  context.lineCap = 'butt';
  for (const [lineWidth, members] of groups) {
    context.lineWidth = lineWidth;
    context.beginPath();
    for (const index of members) {
      const source = edges[index * 2] as number;
      const target = edges[index * 2 + 1] as number;
      const x1 = positions[source * 2] as number;
      const y1 = positions[source * 2 + 1] as number;
      const x2 = positions[target * 2] as number;
      const y2 = positions[target * 2 + 1] as number;
      if ((x1 < left && x2 < left) || (x1 > right && x2 > right)) continue;
      if ((y1 < top && y2 < top) || (y1 > bottom && y2 > bottom)) continue;
      context.moveTo(x1, y1);
      context.lineTo(x2, y2);
    }
    context.stroke();
  }
}

/**
 * The CSS transform that shows a picture drawn for `drawn` (with its margin) at the view `now`: a screen point
 * is model × zoom + pan, so the picture scales by now.zoom / drawn.zoom about its corner and moves by the rest.
 */
export function pictureTransform(
  drawn: Pick<EdgeViewport, 'zoom' | 'panX' | 'panY'>,
  now: Pick<EdgeViewport, 'zoom' | 'panX' | 'panY'>,
  margin: number,
): { readonly scale: number; readonly x: number; readonly y: number } {
  const scale = now.zoom / drawn.zoom;
  // Picture pixel p shows the model point (p - margin - pan0) / zoom0, which belongs at model × zoom + pan.
  return {
    scale,
    x: now.panX - (drawn.panX + margin) * scale,
    y: now.panY - (drawn.panY + margin) * scale,
  };
}
