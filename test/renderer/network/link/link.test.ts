/**
 * The "Use in a model" panel's pieces: the constants a figure can set (the sample empathy model's, read from its
 * XMILE: Leadership commitment's equation is 0.5, a stock's initial value is not offered) and the order of a
 * network's figures (latest first, other networks' left out).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LinkableFigure } from '../../../../electron/api/contract';
import { modelConstants } from '../../../../renderer/src/network/link/model-constants';
import { defaultFigure, figuresOfNetwork } from '../../../../renderer/src/network/link/network-figures';

const EMPATHY = readFileSync(
  resolve(import.meta.dirname, '../../../../sample-data/empathy-smb.xmile'),
  'utf8',
);

const figure = (documentId: string, key: string, value: number | null): LinkableFigure => ({
  instrument: 'network',
  documentId,
  documentName: documentId,
  figure: key,
  label: key,
  value,
});

describe('the constants a figure can set', () => {
  it('lists the sample model’s constants with their values, sorted by name, without initial values', () => {
    const reading = modelConstants(EMPATHY, 'Empathy reference model');
    expect(reading.ok).toBe(true);
    const constants = reading.ok ? reading.constants : [];
    expect(constants.find((constant) => constant.name === 'Leadership commitment')).toMatchObject({
      kind: 'constant',
      value: 0.5,
    });
    expect(constants.every((constant) => constant.kind === 'constant')).toBe(true);
    const names = constants.map((constant) => constant.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('says which model does not compile', () => {
    const reading = modelConstants('<xmile>', 'Broken');
    expect(reading.ok).toBe(false);
    expect(reading.ok ? '' : reading.message).toMatch(/^“Broken” does not compile/);
  });
});

describe('a network’s figures', () => {
  const all = [
    figure('n1', 'before.reciprocity', 0.55),
    figure('n2', 'latest.reciprocity', 0.1),
    figure('n1', 'after.reciprocity', 0.87),
    figure('n1', 'latest.density', 0.06),
    figure('n1', 'latest.reciprocity', 0.87),
  ];

  it('puts the latest first and leaves other networks out', () => {
    expect(figuresOfNetwork(all, 'n1').map((entry) => entry.figure)).toEqual([
      'latest.density',
      'latest.reciprocity',
      'before.reciprocity',
      'after.reciprocity',
    ]);
  });

  it('offers the latest reciprocity first, else the first figure with a value', () => {
    expect(defaultFigure(figuresOfNetwork(all, 'n1'))?.figure).toBe('latest.reciprocity');
    expect(
      defaultFigure([figure('n', 'latest.crossTeamShare', null), figure('n', 'latest.density', 0.1)])?.figure,
    ).toBe('latest.density');
  });
});
