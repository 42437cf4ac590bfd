/**
 * Framing a large network from its positions (renderer/src/network/graph/fit-view.ts), as cytoscape's fit does
 * (core/viewport.mjs getFitViewport: zoom = min((w − 2p) / bw, (h − 2p) / bh) within the zoom limits, pan
 * centring the box). Values worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { fitView, peopleBounds } from '../../../renderer/src/network/graph/fit-view';

describe('people bounds', () => {
  it('spans every person with half their size and the border', () => {
    // (0, 0) 4 wide and (10, 20) 6 wide, border 1: half-widths 3 and 4.
    expect(peopleBounds(Float64Array.of(0, 0, 10, 20), Float64Array.of(4, 6), 1)).toEqual({
      x1: -3,
      y1: -3,
      x2: 14,
      y2: 24,
    });
  });

  it('is null without people', () => {
    expect(peopleBounds(new Float64Array(0), new Float64Array(0), 1)).toBeNull();
  });
});

describe('the fitting view', () => {
  const box = { x1: 0, y1: 0, x2: 100, y2: 50 };

  it('zooms to the tighter side and centres the box', () => {
    // 300 × 200 with 25 padding: min(250 / 100, 150 / 50) = 2.5; pan ((300 − 250) / 2, (200 − 125) / 2).
    expect(fitView(box, 300, 200, 25, 0.05, 4)).toEqual({ zoom: 2.5, pan: { x: 25, y: 37.5 } });
  });

  it('keeps the zoom within its limits', () => {
    // Capped at 2: pan ((300 − 200) / 2, (200 − 100) / 2).
    expect(fitView(box, 300, 200, 25, 0.05, 2)).toEqual({ zoom: 2, pan: { x: 50, y: 50 } });
  });

  it('is null for a view or box without area', () => {
    expect(fitView(box, 0, 200, 25, 0.05, 4)).toBeNull();
    expect(fitView({ x1: 5, y1: 0, x2: 5, y2: 50 }, 300, 200, 25, 0.05, 4)).toBeNull();
  });
});
