/**
 * Pseudonyms (issue 11, point 1): ids replaced in people and ties, identifying columns dropped whatever their
 * spelling, the mapping back, and collisions lengthened so no two people ever share a pseudonym.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PseudonymCollision,
  assignPseudonyms,
  isIdentifyingColumn,
  pseudonymizeGraph,
  realNameOf,
} from '../../../model/privacy';
import { tiesOf } from '../../../model/network/formats';
import { SAMPLE_NAMES, sampleWave } from './sample-organization';

const digest = (id: string) => createHash('sha256').update(`secret:${id}`).digest('hex');

describe('identifying columns', () => {
  it('are matched whatever their case, spaces, underscores or hyphens', () => {
    for (const column of [
      'Name',
      'full name',
      'First_Name',
      'LAST NAME',
      'Surname',
      'E-mail',
      'email',
      'Phone',
      'employee_number',
      'Employee Number',
    ])
      expect(isIdentifyingColumn(column), column).toBe(true);
    for (const column of ['team', 'Role', 'tenure', 'department', 'location', 'wave'])
      expect(isIdentifyingColumn(column), column).toBe(false);
  });

  it('give the real name from a name column, or first and last name', () => {
    expect(realNameOf({ Name: 'Ada Lovelace', team: 'X' })).toBe('Ada Lovelace');
    expect(realNameOf({ first_name: 'Ada', 'Last Name': 'Lovelace' })).toBe('Ada Lovelace');
    expect(realNameOf({ team: 'X' })).toBeUndefined();
  });
});

describe('pseudonymizeGraph', () => {
  it('replaces every id in people and ties, drops names and keeps team, role and tenure', () => {
    const graph = sampleWave('before');
    const ties = tiesOf(graph);
    const pseudonyms = assignPseudonyms(
      graph.nodes.map((node) => node.id),
      digest,
    );
    const result = pseudonymizeGraph(graph.nodes, ties, (id) => pseudonyms.get(id) ?? '');
    expect(result.droppedAttributes).toEqual(['name']);
    expect(result.people).toHaveLength(graph.nodes.length);
    const ids = new Set(result.people.map((person) => person.id));
    expect(ids.size).toBe(graph.nodes.length);
    for (const person of result.people) {
      expect(person.id).toMatch(/^P-[0-9A-F]{10}$/);
      expect(Object.keys(person.attributes)).toEqual(['team', 'role', 'tenure']);
    }
    for (const tie of result.ties) {
      expect(ids.has(tie.source)).toBe(true);
      expect(ids.has(tie.target)).toBe(true);
    }
    const text = JSON.stringify({ people: result.people, ties: result.ties });
    for (const name of SAMPLE_NAMES) expect(text).not.toContain(name);
    expect(text).not.toMatch(/p\d{3}/);
    expect(result.mapping[0]).toEqual({
      realId: 'p001',
      realName: 'Maya Okafor',
      pseudonym: pseudonyms.get('p001'),
    });
  });

  it('the same person has the same pseudonym in both waves', () => {
    const before = sampleWave('before');
    const after = sampleWave('after');
    const first = assignPseudonyms(
      before.nodes.map((node) => node.id),
      digest,
    );
    const second = assignPseudonyms(
      after.nodes.map((node) => node.id),
      digest,
    );
    for (const node of before.nodes)
      if (second.has(node.id)) expect(second.get(node.id)).toBe(first.get(node.id));
  });

  it('refuses a pseudonym function that gives two people one pseudonym', () => {
    expect(() =>
      pseudonymizeGraph(
        [
          { id: 'a', attributes: {} },
          { id: 'b', attributes: {} },
        ],
        [],
        () => 'P-1',
      ),
    ).toThrow(PseudonymCollision);
  });
});

describe('assignPseudonyms', () => {
  it('lengthens colliding pseudonyms until they differ, whatever the order of the people', () => {
    const clash = (id: string) => (id === 'a' ? 'ABCDEF0123' + '11' : 'ABCDEF0123' + '22').padEnd(64, '0');
    const one = assignPseudonyms(['a', 'b'], clash);
    const other = assignPseudonyms(['b', 'a'], clash);
    expect(one.get('a')).toBe('P-ABCDEF012311');
    expect(one.get('b')).toBe('P-ABCDEF012322');
    expect(other).toEqual(one);
  });

  it('keeps known pseudonyms and avoids taken ones', () => {
    const same = () => '0123456789ABCDEF'.padEnd(64, '0');
    const known = new Map([['a', 'P-0123456789']]);
    const result = assignPseudonyms(['a', 'b'], same, known);
    expect(result.get('a')).toBe('P-0123456789');
    expect(result.get('b')).toBe('P-0123456789AB');
    expect(assignPseudonyms(['c'], same, new Map(), new Set(['P-0123456789'])).get('c')).toBe(
      'P-0123456789AB',
    );
  });
});
