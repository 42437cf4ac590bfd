/**
 * The stamp of an export: what a reader needs to reproduce a run (reproducibility.ts computes the hash and seed;
 * this file asks the workspace for the saved text and the app's version).
 */
import { DEFAULT_SEED, writeXmile, type ModelDocument } from '../../../../model/sd';
import type { ModelId } from '../../../../electron/api/contract';
import { call } from '../../api';
import { seedOf, sha256Hex } from './reproducibility';
import type { RunStamp } from './run-export-format';

let appVersion: Promise<string> | undefined;

/** The app's version, asked once. */
function version(): Promise<string> {
  appVersion ??= call('app.info', {}).then(
    (info) => info.version,
    () => 'unknown',
  );
  return appVersion;
}

export interface StampSource {
  readonly modelId: ModelId;
  readonly modelName: string;
  readonly document: ModelDocument;
  /** Whether the document on screen is the one saved (no save pending or failed). */
  readonly saved: boolean;
  /** Whether the compiled model draws random numbers (the worker says so); compiled here when unknown. */
  readonly usesRandom?: boolean | undefined;
}

/**
 * The stamp for runs of the open model. When the workspace holds what is on screen, the hash is of the stored
 * text (what `models.get` returns, byte for byte); while a save is pending, of the text about to be saved.
 */
export async function stampFor(source: StampSource): Promise<RunStamp> {
  const text = source.saved
    ? (await call('models.get', { id: source.modelId })).xmile
    : writeXmile(source.document);
  const [modelHash, appVersionText] = await Promise.all([sha256Hex(text), version()]);
  return {
    model: source.modelName,
    modelHash,
    appVersion: appVersionText,
    exportedAt: new Date().toISOString(),
    method: source.document.simSpecs.method,
    seed: source.usesRandom === undefined ? seedOf(source.document) : source.usesRandom ? DEFAULT_SEED : null,
    timeUnits: source.document.simSpecs.timeUnits,
  };
}
