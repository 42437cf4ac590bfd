import { describe, expect, it } from 'vitest';
import {
  EXPORTED_PROPERTIES,
  presentationAttributes,
} from '../../../../renderer/src/dynamics/charts/chart-export';

describe('chart export', () => {
  it('writes computed styles as presentation attributes, leaving out SVG initial values', () => {
    const computed: Record<string, string> = {
      fill: 'none',
      stroke: 'rgb(78, 121, 167)',
      'stroke-width': '2px',
      'stroke-opacity': '0.4',
      'stroke-dasharray': '5px, 4px',
      opacity: '1',
      'font-family': '"Segoe UI", system-ui',
      'text-anchor': 'start',
      visibility: 'visible',
    };
    expect(presentationAttributes((property) => computed[property] ?? '')).toEqual([
      ['fill', 'none'],
      ['stroke', 'rgb(78, 121, 167)'],
      ['stroke-width', '2px'],
      ['stroke-opacity', '0.4'],
      ['stroke-dasharray', '5px, 4px'],
      ['font-family', '"Segoe UI", system-ui'],
    ]);
  });

  it('exports only properties that SVG has presentation attributes for (the CSP refuses style attributes)', () => {
    // SVG 1.1 section 6.4, the list of presentation attributes.
    const presentation = new Set([
      'fill',
      'fill-opacity',
      'stroke',
      'stroke-width',
      'stroke-opacity',
      'stroke-dasharray',
      'stroke-linecap',
      'stroke-linejoin',
      'opacity',
      'font-family',
      'font-size',
      'font-weight',
      'text-anchor',
      'dominant-baseline',
      'shape-rendering',
      'visibility',
    ]);
    for (const property of EXPORTED_PROPERTIES) expect(presentation.has(property)).toBe(true);
  });
});
