/**
 * How a network's people data are handled (issue 11; tables of migration 004): its settings (network_privacy)
 * and its pseudonym key (network_pseudonym_keys). The key row holds the per-network secret the pseudonyms are
 * derived from and, only if the user asked, the mapping from real ids and names to pseudonyms; deleting the key
 * deletes that row, and the purge ledger's trigger carries the deletion to the older backups.
 *
 * A network without a settings row (imported before migration 004) reads as not pseudonymized, without consent
 * to individual views, with the default minimum group size: the safe reading of data whose import said nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { MIN_GROUP_SIZE_DEFAULT } from '../../model/privacy';
import { OperationError } from '../api/result';
import {
  minGroupSizeSchema,
  networkPrivacySchema,
  type NetworkId,
  type NetworkPrivacy,
} from './network-document';
import { parseStoredDocument } from './stored-document';

/** The secret's length in bytes: HMAC-SHA256's block-size-friendly key of 256 bits (RFC 2104, section 3). */
export const PSEUDONYM_SECRET_BYTES = 32;

export const pseudonymEntrySchema = z
  .object({ realId: z.string(), realName: z.string().optional(), pseudonym: z.string().min(1) })
  .strict();
export type StoredPseudonymEntry = z.infer<typeof pseudonymEntrySchema>;
const mappingSchema = z.array(pseudonymEntrySchema);

export interface PseudonymKey {
  readonly secret: Buffer;
  /** The mapping back to real ids and names, or null when the user did not keep it. */
  readonly mapping: readonly StoredPseudonymEntry[] | null;
}

export interface PrivacySettingsInput {
  readonly pseudonymized: boolean;
  readonly individualConsent?: boolean | undefined;
  readonly minGroupSize?: number | undefined;
  readonly note?: string | undefined;
}

export interface NetworkPrivacyRepository {
  /** The network's settings (defaults when it has no row); says whether a key with a mapping is kept. */
  get(networkId: NetworkId): NetworkPrivacy;
  /** Writes the settings of a new network (inside the caller's transaction). */
  create(networkId: NetworkId, settings: PrivacySettingsInput, key: PseudonymKey | null): void;
  /** Changes consent and the minimum group size; the pseudonymization of an import cannot change. */
  update(
    networkId: NetworkId,
    change: { readonly individualConsent?: boolean | undefined; readonly minGroupSize?: number | undefined },
  ): NetworkPrivacy;
  /** The secret and mapping, or undefined when the key was deleted (or never existed). */
  key(networkId: NetworkId): PseudonymKey | undefined;
  /** Replaces the kept mapping (a wave added new people); the secret stays. */
  saveMapping(networkId: NetworkId, mapping: readonly StoredPseudonymEntry[]): void;
  /** Deletes the key row (secret and mapping); false when there was none. */
  deleteKey(networkId: NetworkId): boolean;
}

interface SettingsRow {
  readonly pseudonymized: number;
  readonly individual_consent: number;
  readonly min_group_size: number;
  readonly note: string;
  readonly key_kept: number;
  readonly secret_kept: number;
}

interface KeyRow {
  readonly id: string;
  readonly secret: Buffer;
  readonly mapping: string | null;
}

export function createNetworkPrivacyRepository(db: Database, now: () => Date): NetworkPrivacyRepository {
  const selectSettings = db.prepare<[string], SettingsRow>(
    `SELECT p.pseudonymized, p.individual_consent, p.min_group_size, p.note,
            EXISTS (SELECT 1 FROM network_pseudonym_keys k WHERE k.network_id = p.network_id
                    AND k.mapping IS NOT NULL) AS key_kept,
            EXISTS (SELECT 1 FROM network_pseudonym_keys k WHERE k.network_id = p.network_id) AS secret_kept
       FROM network_privacy p WHERE p.network_id = ?`,
  );
  const insertSettings = db.prepare<[string, number, number, number, string, string]>(
    `INSERT INTO network_privacy (network_id, pseudonymized, individual_consent, min_group_size, note, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const updateSettings = db.prepare<[number, number, string, string]>(
    'UPDATE network_privacy SET individual_consent = ?, min_group_size = ?, updated_at = ? WHERE network_id = ?',
  );
  const selectKey = db.prepare<[string], KeyRow>(
    'SELECT id, secret, mapping FROM network_pseudonym_keys WHERE network_id = ?',
  );
  const insertKey = db.prepare<[string, string, Buffer, string | null, string, string]>(
    `INSERT INTO network_pseudonym_keys (id, network_id, secret, mapping, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const updateMapping = db.prepare<[string, string, string]>(
    'UPDATE network_pseudonym_keys SET mapping = ?, updated_at = ? WHERE network_id = ?',
  );
  const deleteKeyRow = db.prepare<[string]>('DELETE FROM network_pseudonym_keys WHERE network_id = ?');

  const get = (networkId: NetworkId): NetworkPrivacy => {
    const row = selectSettings.get(networkId);
    return parseStoredDocument(networkPrivacySchema, 'network_privacy', networkId, {
      pseudonymized: row?.pseudonymized === 1,
      keyKept: row?.key_kept === 1,
      secretKept: row?.secret_kept === 1,
      individualConsent: row?.individual_consent === 1,
      minGroupSize: row?.min_group_size ?? MIN_GROUP_SIZE_DEFAULT,
      note: row?.note ?? '',
    });
  };

  return {
    get,

    create(networkId, settings, key) {
      const at = now().toISOString();
      const minimum = minGroupSizeSchema.safeParse(settings.minGroupSize ?? MIN_GROUP_SIZE_DEFAULT);
      if (!minimum.success)
        throw new OperationError(
          'invalid-input',
          minimum.error.issues[0]?.message ?? 'Bad minimum group size.',
        );
      const minGroupSize = minimum.data;
      insertSettings.run(
        networkId,
        settings.pseudonymized ? 1 : 0,
        settings.individualConsent === true ? 1 : 0,
        minGroupSize,
        settings.note ?? '',
        at,
      );
      if (key !== null)
        insertKey.run(
          randomUUID(),
          networkId,
          key.secret,
          key.mapping === null ? null : JSON.stringify(key.mapping),
          at,
          at,
        );
    },

    update(networkId, change) {
      return db
        .transaction(() => {
          const current = get(networkId);
          const at = now().toISOString();
          const consent = change.individualConsent ?? current.individualConsent;
          const minimum = change.minGroupSize ?? current.minGroupSize;
          // A network imported before migration 004 gets its row on its first change.
          if (selectSettings.get(networkId) === undefined)
            insertSettings.run(networkId, 0, consent ? 1 : 0, minimum, '', at);
          else updateSettings.run(consent ? 1 : 0, minimum, at, networkId);
          return get(networkId);
        })
        .immediate();
    },

    key(networkId) {
      const row = selectKey.get(networkId);
      if (row === undefined) return undefined;
      const mapping =
        row.mapping === null
          ? null
          : parseStoredDocument(mappingSchema, 'network_pseudonym_keys', row.id, JSON.parse(row.mapping));
      if (row.secret.length !== PSEUDONYM_SECRET_BYTES)
        throw new OperationError('storage', `The pseudonym key of network "${networkId}" is damaged.`);
      return { secret: row.secret, mapping };
    },

    saveMapping(networkId, mapping) {
      updateMapping.run(JSON.stringify(mapping), now().toISOString(), networkId);
    },

    deleteKey(networkId) {
      return deleteKeyRow.run(networkId).changes > 0;
    },
  };
}
