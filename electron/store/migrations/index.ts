import type { Migration } from '../migrate';
import { initial } from './001-initial';
import { sensitivityCalibration } from './002-sensitivity-calibration';
import { purgeLedger } from './003-purge-ledger';
import { networkPrivacy } from './004-network-privacy';
import { stories } from './005-stories';
import { measureDatasets } from './006-measure-datasets';

/** Every schema step in order. Append new ones (002-..., 003-...); never edit or reorder a released one. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  sensitivityCalibration,
  purgeLedger,
  networkPrivacy,
  stories,
  measureDatasets,
];

/** The newest schema this version of the app reads and writes. */
export const SCHEMA_VERSION: number = MIGRATIONS.length;
