/** The study schema: what it accepts, and messages that name the attribute or level at fault. */
import { describe, expect, it } from 'vitest';
import { isProhibited, levelText, studySchema } from '../../../model/conjoint';

const base = {
  name: 'service',
  attributes: [
    { kind: 'categorical', name: 'agent', levels: ['human', 'bot'] },
    { kind: 'numeric', name: 'price', levels: [5, 10] },
  ],
};

const firstIssue = (value: unknown) => {
  const parsed = studySchema.safeParse(value);
  return parsed.success
    ? null
    : { path: parsed.error.issues[0]?.path.join('.'), message: parsed.error.issues[0]?.message };
};

describe('study schema', () => {
  it('accepts a study, with prohibitions defaulting to none', () => {
    const study = studySchema.parse({ ...base, price: 'price' });
    expect(study.prohibitions).toEqual([]);
    expect(levelText(study.attributes[1] as (typeof study.attributes)[number], 1)).toBe('10');
  });

  it('names what is wrong', () => {
    expect(
      firstIssue({
        ...base,
        attributes: [...base.attributes, { kind: 'categorical', name: 'agent', levels: ['a', 'b'] }],
      }),
    ).toEqual({
      path: 'attributes.2.name',
      message: 'Attribute "agent" appears twice.',
    });
    expect(firstIssue({ ...base, price: 'agent' })).toEqual({
      path: 'price',
      message: 'The price "agent" must be a numeric attribute.',
    });
    expect(firstIssue({ ...base, price: 'fee' })).toEqual({
      path: 'price',
      message: 'The price "fee" is not an attribute of the study.',
    });
    expect(firstIssue({ ...base, prohibitions: [{ agent: 'robot', price: 5 }] })).toEqual({
      path: 'prohibitions.0.agent',
      message: '"robot" is not a level of "agent".',
    });
    expect(firstIssue({ ...base, prohibitions: [{ agent: 'bot' }] })?.message).toBe(
      'A prohibition names at least two attributes.',
    );
    expect(
      firstIssue({ ...base, attributes: [{ kind: 'categorical', name: 'agent', levels: ['human'] }] })
        ?.message,
    ).toBe('An attribute needs at least two levels.');
    expect(
      firstIssue({ ...base, attributes: [{ kind: 'categorical', name: 'agent', levels: ['bot', 'bot'] }] })
        ?.message,
    ).toBe('The levels of an attribute must differ.');
    expect(
      firstIssue({ ...base, attributes: [{ kind: 'categorical', name: 'a:b', levels: ['x', 'y'] }] })
        ?.message,
    ).toContain('colon');
  });

  it('tells a prohibited profile', () => {
    const study = studySchema.parse({ ...base, prohibitions: [{ agent: 'bot', price: 5 }] });
    expect(isProhibited(study, [1, 0])).toBe(true);
    expect(isProhibited(study, [1, 1])).toBe(false);
    expect(isProhibited(study, [0, 0])).toBe(false);
  });
});
