/**
 * The renderer's reading of a network's people-data settings (renderer/src/network/privacy/network-privacy.ts):
 * the cautious defaults when a document carries none, and the graph's labels without consent.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkDocument } from '../../../../electron/api/contract';
import {
  anonymousLabel,
  privacyOf,
  teamSizesOf,
} from '../../../../renderer/src/network/privacy/network-privacy';

describe('people-data settings in the renderer', () => {
  it('reads a network without settings as one without consent, at the default minimum group size', () => {
    const network = { waves: [] } as unknown as NetworkDocument;
    expect(privacyOf(network)).toMatchObject({
      pseudonymized: false,
      individualConsent: false,
      minGroupSize: 5,
    });
  });

  it('labels a person by team, never by name, id or role, and not at all in a team under the minimum', () => {
    const person = (attributes: Record<string, string>) => ({ id: 'p001', attributes });
    const people = [
      ...Array.from({ length: 5 }, () => person({ team: 'Care' })),
      person({ team: 'Audit' }),
      person({ team: 'Audit' }),
    ];
    const sizes = teamSizesOf(people);
    expect(sizes).toEqual(
      new Map([
        ['Care', 5],
        ['Audit', 2],
      ]),
    );
    expect(anonymousLabel(person({ name: 'Maya Okafor', role: 'Care lead', team: 'Care' }), sizes, 5)).toBe(
      'Care',
    );
    expect(anonymousLabel(person({ name: 'Kim Osei', team: 'Audit' }), sizes, 5)).toBe('');
    expect(anonymousLabel(person({ name: 'Kim Osei', team: 'Audit' }), sizes, 3)).toBe('');
    expect(anonymousLabel(person({ name: 'Maya Okafor' }), sizes, 5)).toBe('');
  });
});
