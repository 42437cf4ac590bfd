import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studySchema } from '../../../model/conjoint';
import {
  addAttribute,
  addProhibition,
  draftFromStudy,
  removeAttribute,
  removeLevel,
  setLevel,
  studyFromDraft,
  updateAttribute,
} from '../../../renderer/src/conjoint/editor/study-draft';

const sample = studySchema.parse(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../sample-data/conjoint/study.json'), 'utf8')),
);

const keyOf = (draft: ReturnType<typeof draftFromStudy>, name: string) =>
  draft.attributes.find((attribute) => attribute.name === name)?.key ?? '';

describe('the study draft', () => {
  it('gives back the study it was made from', () => {
    const reading = studyFromDraft(draftFromStudy(sample), sample.name);
    expect(reading).toEqual({ ok: true, study: sample });
  });

  it('names the attribute and level of a numeric level that is not a number', () => {
    const draft = draftFromStudy(sample);
    const edited = setLevel(draft, keyOf(draft, 'price'), 2, '10 EUR');
    expect(studyFromDraft(edited, sample.name)).toEqual({
      ok: false,
      problems: [{ where: 'Attribute 5 “price”, level 3', message: '“10 EUR” is not a number.' }],
    });
  });

  it('words the schema’s problems by attribute and level', () => {
    const draft = draftFromStudy(sample);
    const twice = setLevel(draft, keyOf(draft, 'agent'), 1, 'human');
    const reading = studyFromDraft(twice, sample.name);
    expect(reading.ok === false && reading.problems).toEqual([
      { where: 'Attribute 2 “agent”, levels', message: 'The levels of an attribute must differ.' },
    ]);
    const added = addAttribute(draft, 'numeric');
    const clash = updateAttribute(added, added.attributes[5]?.key ?? '', { name: 'price' });
    expect(studyFromDraft(clash, sample.name).ok).toBe(false);
  });

  it('keeps the price and prohibitions pointing at renamed attributes, and drops them with removed ones', () => {
    const draft = draftFromStudy(sample);
    const renamed = updateAttribute(draft, keyOf(draft, 'agent'), { name: 'who_answers' });
    const reading = studyFromDraft(renamed, sample.name);
    expect(reading.ok && reading.study.prohibitions).toEqual([
      { who_answers: 'bot', follow_up: 'personal call' },
    ]);
    const withoutAgent = removeAttribute(draft, keyOf(draft, 'agent'));
    expect(withoutAgent.prohibitions).toEqual([]);
    const withoutPrice = removeAttribute(draft, keyOf(draft, 'price'));
    expect(withoutPrice.price).toBe('');
    expect(updateAttribute(draft, keyOf(draft, 'price'), { kind: 'categorical' }).price).toBe('');
  });

  it('removes a prohibition with its level and shifts the ones after it', () => {
    const draft = draftFromStudy(sample);
    const agent = keyOf(draft, 'agent');
    const understood = keyOf(draft, 'understood');
    const more = addProhibition(draft, { [agent]: 1, [understood]: 2 });
    const shifted = removeLevel(more, agent, 0);
    expect(shifted.prohibitions.map((prohibition) => prohibition.levels[agent])).toEqual([1, 0]);
    const dropped = removeLevel(more, agent, 2);
    expect(dropped.prohibitions).toHaveLength(1);
    const reading = studyFromDraft(shifted, sample.name);
    expect(reading.ok && reading.study.prohibitions).toEqual([
      { agent: 'bot', follow_up: 'personal call' },
      { agent: 'bot with human hand-off', understood: 'fully understood' },
    ]);
  });
});
