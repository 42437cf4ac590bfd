/**
 * The shipped keys and custom specs: the IRI key as Davis (1980) publishes it (the sources are cited in
 * scales/iri.json), the QMEE refused until its reverse key is given, and a custom spec's mistakes named by field.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCALES, parseScaleSpec, scoringKey } from '../../../model/measure';

describe('the IRI key', () => {
  const iri = BUILTIN_SCALES['iri'];
  it('has 28 items in four seven-item subscales, each item in exactly one', () => {
    expect(iri?.items).toHaveLength(28);
    expect(iri?.answers).toMatchObject({ min: 0, max: 4 });
    const all = iri?.subscales.flatMap((subscale) => subscale.items) ?? [];
    expect(new Set(all).size).toBe(28);
    expect(iri?.subscales.map((subscale) => [subscale.id, subscale.items.length])).toEqual([
      ['PT', 7],
      ['FS', 7],
      ['EC', 7],
      ['PD', 7],
    ]);
  });
  it('reverse-keys items 3, 4, 7, 12, 13, 14, 15, 18 and 19 (Davis 1980, marked (-))', () => {
    expect(iri?.reverse).toEqual(['3', '4', '7', '12', '13', '14', '15', '18', '19']);
    expect(iri?.subscales.find((subscale) => subscale.id === 'PT')?.items).toEqual([
      '3',
      '8',
      '11',
      '15',
      '21',
      '25',
      '28',
    ]);
    expect(iri?.source).toMatch(/Davis/);
    expect(iri?.verification).toMatch(/https:\/\//);
  });
});

describe('the QMEE key', () => {
  const qmee = BUILTIN_SCALES['qmee'];
  it('has 33 items answered from -4 to +4 and no reverse key shipped (it could not be verified)', () => {
    expect(qmee?.items).toHaveLength(33);
    expect(qmee?.answers).toMatchObject({ min: -4, max: 4 });
    expect(qmee?.reverse).toBeNull();
    expect(qmee?.verification).toMatch(/NOT VERIFIED/);
  });
  it('is refused for scoring until the reverse-keyed items are given, then accepted with another range', () => {
    if (qmee === undefined) throw new Error('no qmee');
    const refused = scoringKey(qmee);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/--reverse/);
    const given = scoringKey(qmee, { reverse: ['4', '33'], answers: { min: 1, max: 9 } });
    expect(given.ok && given.value.reverse).toEqual(['4', '33']);
    expect(given.ok && given.value.answers).toMatchObject({ min: 1, max: 9 });
    const unknown = scoringKey(qmee, { reverse: ['34'] });
    expect(!unknown.ok && unknown.error).toMatch(/"34"/);
  });
});

describe('a custom spec', () => {
  const valid = {
    id: 'care',
    name: 'Care',
    answers: { min: 1, max: 5 },
    items: [1, 2, 3],
    subscales: [{ id: 'all', name: 'All', items: [1, 2, 3] }],
    reverse: [2],
  };
  it('accepts numbers for item ids and defaults the missing-answer share to 20%', () => {
    const parsed = parseScaleSpec(valid);
    expect(parsed.ok && parsed.value.items).toEqual(['1', '2', '3']);
    expect(parsed.ok && parsed.value.maxMissingShare).toBe(0.2);
  });
  it.each([
    [{ ...valid, answers: { min: 5, max: 1 } }, /answers: answers.min must be below answers.max/],
    [{ ...valid, items: [1, 1, 2] }, /items.1: item "1" is listed twice/],
    [
      { ...valid, subscales: [{ id: 'all', name: 'All', items: [1, 9] }] },
      /subscales.0.items.1: .*item "9", which is not in items/,
    ],
    [{ ...valid, reverse: [7] }, /reverse.0: .*"7"/],
    [{ ...valid, name: undefined }, /^name: /],
    [{ ...valid, maxMissingShare: 1 }, /^maxMissingShare: /],
  ])('names the field of a mistake (%#)', (spec, message) => {
    const parsed = parseScaleSpec(spec);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});
