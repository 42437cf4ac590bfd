/**
 * Pseudonyms for the waves of a network import (issue 11, point 1), before anything is saved: each person's id
 * becomes `P-` and the first hex digits of HMAC-SHA256(secret, id), with a random 256-bit secret per network, so
 * the same person gets the same pseudonym in every wave of the network while no one without the secret can
 * compute it (RFC 2104; a bare hash of a guessable id, such as an employee number, could be reversed by trying
 * every id). model/privacy drops the identifying columns and resolves the rare collision.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { NetworkNode } from '../../model/network/graph';
import {
  assignPseudonyms,
  pseudonymizeGraph,
  PseudonymCollision,
  type PseudonymEntry,
} from '../../model/privacy';
import { OperationError } from '../api/result';
import { PSEUDONYM_SECRET_BYTES } from '../store/network-privacy';
import type { WaveInput } from '../store/networks';

export const newPseudonymSecret = (): Buffer => randomBytes(PSEUDONYM_SECRET_BYTES);

/** The hex HMAC-SHA256 of an id under the secret: the digest every pseudonym is cut from (networks, data sets). */
export const digestWith =
  (secret: Buffer) =>
  (realId: string): string =>
    createHmac('sha256', secret).update(realId, 'utf8').digest('hex');

export interface PseudonymizedWaves {
  readonly waves: WaveInput[];
  /** Every person of the waves (and of `known`), real id and name to pseudonym. */
  readonly mapping: PseudonymEntry[];
}

/**
 * The waves with pseudonyms for ids and without identifying columns. `known` is the kept key of the network a
 * wave is added to: its people keep their pseudonyms and the mapping returned extends it.
 */
export function pseudonymizeWaves(
  waves: readonly WaveInput[],
  secret: Buffer,
  known: readonly PseudonymEntry[] = [],
): PseudonymizedWaves {
  const ids = waves.flatMap((wave) => wave.people.map((person) => person.id));
  const pseudonyms = assignPseudonyms(
    ids,
    digestWith(secret),
    new Map(known.map((entry) => [entry.realId, entry.pseudonym])),
  );
  const mapping = new Map(known.map((entry) => [entry.realId, entry]));
  try {
    const renamed = waves.map((wave): WaveInput => {
      const result = pseudonymizeGraph<NetworkNode, WaveInput['ties'][number]>(
        wave.people,
        wave.ties,
        (realId) => pseudonyms.get(realId) ?? '',
      );
      for (const entry of result.mapping)
        mapping.set(entry.realId, { ...mapping.get(entry.realId), ...entry });
      const dropped =
        result.droppedAttributes.length === 0
          ? ''
          : `; columns dropped: ${result.droppedAttributes.join(', ')}`;
      return {
        ...wave,
        people: result.people,
        ties: result.ties,
        provenance: {
          ...wave.provenance,
          notes: [...wave.provenance.notes, `people pseudonymized at import (ids replaced${dropped})`],
        },
      };
    });
    return { waves: renamed, mapping: [...mapping.values()] };
  } catch (error) {
    if (error instanceof PseudonymCollision)
      throw new OperationError(
        'conflict',
        `Nothing was imported: ${error.message} Import the files again as a new network (a new secret).`,
      );
    throw error;
  }
}

/**
 * A wave read without a node file into a pseudonymized network: its people are the last wave's, as for a network
 * with real names (network-import.ts), matched by pseudonym. Someone the last wave does not have is refused with
 * the same advice, since only a node file can say who they are.
 */
export function withPeopleOf(
  wave: WaveInput,
  last: { readonly wave: string; readonly people: readonly NetworkNode[] },
): WaveInput {
  const known = new Set(last.people.map((person) => person.id));
  const newcomers = wave.people.filter((person) => !known.has(person.id)).length;
  if (newcomers > 0)
    throw new OperationError(
      'invalid-input',
      `Nothing was imported: ${newcomers === 1 ? '1 person' : `${newcomers} people`} of the new wave ${newcomers === 1 ? 'is' : 'are'} not in wave "${last.wave}". Without a node file, a new wave has the people of wave "${last.wave}"; give a node file to add people.`,
    );
  return { ...wave, people: last.people };
}
