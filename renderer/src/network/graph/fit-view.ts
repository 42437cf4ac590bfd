/**
 * The view that frames every person, from their positions and sizes alone, as cytoscape's `fit` frames them
 * (core/viewport.mjs getFitViewport) but without asking cytoscape for their bounds, which works out every
 * person's style first. A large network is framed this way before its people arrive in chunks, so each chunk
 * appears where it ends up; cytoscape's own fit (which also counts the names) follows once all are in.
 */

export interface Bounds {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** The box around people at `positions` (x, y each) drawn `sizes` wide with a `border`; null for none. */
export function peopleBounds(positions: Float64Array, sizes: Float64Array, border: number): Bounds | null {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (let index = 0; index * 2 + 1 < positions.length; index++) {
    const x = positions[index * 2] as number;
    const y = positions[index * 2 + 1] as number;
    const half = (sizes[index] ?? 0) / 2 + border;
    x1 = Math.min(x1, x - half);
    y1 = Math.min(y1, y - half);
    x2 = Math.max(x2, x + half);
    y2 = Math.max(y2, y + half);
  }
  return x1 <= x2 ? { x1, y1, x2, y2 } : null;
}

/**
 * The zoom and pan that show `bounds` whole and centred in a `width` × `height` view with `padding` on each side,
 * the zoom kept within [minZoom, maxZoom]; null when either has no area.
 */
export function fitView(
  bounds: Bounds,
  width: number,
  height: number,
  padding: number,
  minZoom: number,
  maxZoom: number,
): { zoom: number; pan: { x: number; y: number } } | null {
  const w = bounds.x2 - bounds.x1;
  const h = bounds.y2 - bounds.y1;
  if (!(width > 0 && height > 0 && w > 0 && h > 0)) return null;
  const fits = Math.min((width - 2 * padding) / w, (height - 2 * padding) / h);
  const zoom = Math.min(maxZoom, Math.max(minZoom, fits));
  return {
    zoom,
    pan: {
      x: (width - zoom * (bounds.x1 + bounds.x2)) / 2,
      y: (height - zoom * (bounds.y1 + bounds.y2)) / 2,
    },
  };
}
