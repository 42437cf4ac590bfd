/**
 * The tie layer's drawing (renderer/src/network/graph/edge-layer-draw.ts) on a recording context: ties grouped
 * by width and stroked once per group, filtered and off-canvas ties skipped, and the CSS transform that keeps
 * an older picture under the people while the view moves (checked by mapping model points by hand).
 */
import { describe, expect, it } from 'vitest';
import {
  drawEdges,
  pictureTransform,
  widthGroups,
  type EdgeContext,
  type EdgeScene,
} from '../../../renderer/src/network/graph/edge-layer-draw';

function recorder() {
  const calls: string[] = [];
  const context: EdgeContext = {
    globalAlpha: 1,
    strokeStyle: '',
    lineWidth: 1,
    lineCap: 'butt',
    setTransform: (...args: number[]) => calls.push(`transform ${args.join(' ')}`),
    clearRect: () => calls.push('clear'),
    beginPath: () => calls.push('begin'),
    moveTo: (x: number, y: number) => calls.push(`move ${x} ${y}`),
    lineTo: (x: number, y: number) => calls.push(`line ${x} ${y}`),
    stroke: () => calls.push(`stroke ${context.lineWidth}`),
  };
  return { context, calls };
}

// Four people on a square of side 100; ties 0-1 and 2-3 at width 1, 1-2 at 2.1 (drawn at 2), 0-3 hidden.
const scene: EdgeScene = {
  positions: Float64Array.from([0, 0, 100, 0, 100, 100, 0, 100]),
  edges: Int32Array.from([0, 1, 1, 2, 2, 3, 0, 3]),
  widths: Float64Array.from([1, 2.1, 1, 3]),
  visible: Uint8Array.from([1, 1, 1, 0]),
  color: '#888',
  alpha: 0.45,
};

describe('the tie layer', () => {
  it('groups the shown ties by width, to the quarter pixel, thinnest first', () => {
    const groups = widthGroups(scene.widths, scene.visible);
    expect(groups.map(([width, members]) => [width, [...members]])).toEqual([
      [1, [0, 2]],
      [2, [1]],
    ]);
    expect(widthGroups(scene.widths, null).map(([width]) => width)).toEqual([1, 2, 3]);
  });

  it('strokes each width group as one path, in the view’s transform shifted by the margin', () => {
    const { context, calls } = recorder();
    const groups = widthGroups(scene.widths, scene.visible);
    drawEdges(context, scene, groups, { zoom: 2, panX: 10, panY: 20, width: 400, height: 300 }, 50, 1);
    expect(calls).toEqual([
      'transform 1 0 0 1 0 0',
      'clear',
      // Model to picture: × zoom, + pan + margin.
      'transform 2 0 0 2 60 70',
      'begin',
      'move 0 0',
      'line 100 0',
      'move 100 100',
      'line 0 100',
      'stroke 1',
      'begin',
      'move 100 0',
      'line 100 100',
      'stroke 2',
    ]);
    expect(context.globalAlpha).toBe(0.45);
    expect(context.strokeStyle).toBe('#888');
  });

  it('skips a tie whose ends are both beyond one side of the picture', () => {
    const { context, calls } = recorder();
    // Zoomed in on the top left corner: the picture covers model x and y from -5 to 25.
    drawEdges(
      context,
      scene,
      widthGroups(scene.widths, null),
      { zoom: 10, panX: 0, panY: 0, width: 200, height: 200 },
      50,
      1,
    );
    const moves = calls.filter((call) => call.startsWith('move'));
    // 0-1 (top side) and 0-3 (left side) cross the picture; 1-2 lies wholly to its right, 2-3 wholly below.
    expect(moves).toEqual(['move 0 0', 'move 0 0']);
  });

  it('places an older picture where the people are now', () => {
    const drawn = { zoom: 2, panX: 10, panY: 20 };
    const now = { zoom: 3, panX: -40, panY: 5 };
    const margin = 50;
    const { scale, x, y } = pictureTransform(drawn, now, margin);
    // A model point at (7, 11): in the picture at 7 × 2 + 10 + 50 = 74, 11 × 2 + 20 + 50 = 92;
    // on screen now at 7 × 3 - 40 = -19, 11 × 3 + 5 = 38.
    expect(x + scale * 74).toBeCloseTo(-19, 12);
    expect(y + scale * 92).toBeCloseTo(38, 12);
    expect(pictureTransform(drawn, drawn, margin)).toEqual({ scale: 1, x: -50, y: -50 });
  });
});
