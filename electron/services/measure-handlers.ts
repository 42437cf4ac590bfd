/**
 * The handlers of the measurement toolkit's data sets (issue 10; people data by issue 11; operations in
 * api/parts/measure.operations.ts). A file is read and checked by measure-import.ts, pseudonymized when asked
 * (a fresh secret per data set, the same HMAC as a network's pseudonyms) and saved by the store with its key in
 * one transaction: whole or not at all.
 */
import type { Handlers } from '../api/dispatch';
import type { MeasureOperationName } from '../api/parts/measure.operations';
import { OperationError } from '../api/result';
import { measureDatasetRepository } from '../store/measure-datasets';
import type { MeasureDataset } from '../store/measure-document';
import type { ServiceContext } from './context';
import {
  assertImportable,
  checkedImportSettings,
  defaultSettings,
  previewOf,
  pseudonymizeMeasureTable,
  readMeasureFile,
} from './measure-import';
import { newPseudonymSecret } from './network-pseudonyms';

export function measureHandlers(context: ServiceContext): Pick<Handlers, MeasureOperationName> {
  const { workspace } = context;
  const datasets = () => measureDatasetRepository(workspace.db);

  const noKey = (dataset: MeasureDataset, deleting: boolean): OperationError =>
    new OperationError(
      'not-found',
      !dataset.privacy.pseudonymized
        ? `The data set "${dataset.name}" was imported with real ids: it has no pseudonyms to map back.`
        : dataset.privacy.idColumn === null
          ? `The data set "${dataset.name}" has no id column: its identifying columns were dropped and there is no one to map back.`
          : deleting
            ? `The data set "${dataset.name}" has no key left to delete.`
            : `The data set "${dataset.name}" has no key: it was not kept at import, or it was deleted.`,
    );

  return {
    'measure.list': ({ projectId, kind }) => datasets().list(projectId, kind),
    'measure.get': ({ id }) => datasets().get(id),
    'measure.previewImport': ({ projectId, ...source }) => {
      workspace.projects.get(projectId);
      return previewOf(source, readMeasureFile(source));
    },
    'measure.import': ({
      projectId,
      name,
      pseudonymize,
      keepKey,
      individualConsent,
      minGroupSize,
      settings,
      ...source
    }) => {
      // Checked before reading the file, so a wrong project is not reported as a problem of the file.
      workspace.projects.get(projectId);
      const reading = readMeasureFile(source, settings);
      assertImportable(source.fileName, reading.problems);
      // A data set without an id column has no one to map back: its identifying columns are dropped, no key kept.
      const secret = pseudonymize && reading.idColumn !== null ? newPseudonymSecret() : undefined;
      const renamed = pseudonymize
        ? pseudonymizeMeasureTable(
            reading.table,
            secret === undefined || reading.idColumn === null ? null : { idColumn: reading.idColumn, secret },
          )
        : undefined;
      const table = renamed?.table ?? reading.table;
      const chosen = checkedImportSettings(source.kind, table.columns, settings);
      return datasets().create(
        {
          projectId,
          name,
          kind: source.kind,
          fileName: source.fileName,
          table,
          settings: settings === undefined ? defaultSettings(source.kind, { ...reading, table }) : chosen,
          privacy: {
            pseudonymized: pseudonymize,
            idColumn: reading.idColumn,
            droppedColumns: renamed?.droppedColumns ?? [],
            individualConsent,
            minGroupSize,
          },
        },
        secret === undefined ? null : { secret, mapping: keepKey ? (renamed?.mapping ?? []) : null },
      );
    },
    'measure.rename': ({ id, name }) => datasets().rename(id, name),
    'measure.updateSettings': ({ id, settings }) => datasets().updateSettings(id, settings),
    'measure.delete': ({ id }) => {
      datasets().delete(id);
      return { id };
    },
    'measure.privacy': ({ id }) => datasets().privacy(id),
    'measure.updatePrivacy': ({ id, individualConsent, minGroupSize }) =>
      datasets().updatePrivacy(id, { individualConsent, minGroupSize }),
    'measure.key': ({ id }) => {
      const mapping = datasets().key(id)?.mapping;
      if (mapping === undefined || mapping === null) throw noKey(datasets().get(id), false);
      return { datasetId: id, entries: mapping };
    },
    'measure.deleteKey': ({ id }) => {
      if (!datasets().deleteKey(id)) throw noKey(datasets().get(id), true);
      return datasets().get(id);
    },
  };
}
