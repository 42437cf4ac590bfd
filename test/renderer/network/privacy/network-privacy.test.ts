/**
 * The renderer's reading of a network's people-data settings (renderer/src/network/privacy/network-privacy.ts):
 * the cautious defaults when a document carries none, and the graph's labels without consent.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkDocument } from '../../../../electron/api/contract';
import { anonymousLabel, privacyOf } from '../../../../renderer/src/network/privacy/network-privacy';

describe('people-data settings in the renderer', () => {
  it('reads a network without settings as one without consent, at the default minimum group size', () => {
    const network = { waves: [] } as unknown as NetworkDocument;
    expect(privacyOf(network)).toMatchObject({
      pseudonymized: false,
      individualConsent: false,
      minGroupSize: 5,
    });
  });

  it('labels a person by role, else team, never by name or id', () => {
    const person = (attributes: Record<string, string>) => ({ id: 'p001', attributes });
    expect(anonymousLabel(person({ name: 'Maya Okafor', role: 'advisor', team: 'Care' }))).toBe('advisor');
    expect(anonymousLabel(person({ name: 'Maya Okafor', team: 'Care' }))).toBe('Care');
    expect(anonymousLabel(person({ name: 'Maya Okafor' }))).toBe('');
  });
});
