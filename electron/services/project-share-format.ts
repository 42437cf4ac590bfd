/**
 * The project file (issue 9, point 3): one JSON document that carries a whole project from one workspace to
 * another. Each entity is the record the API serves (ids and times included), checked on the way in by the same
 * zod schemas the store checks its rows with, so a file accepted here is one the store would accept too. The
 * ids tie the entities to each other inside the file (a scenario's model, a link's network); an import gives
 * every entity a new id and rewrites those references (project-share.ts).
 *
 *   {
 *     "format": "empathy-workbench-project", "version": 1, "appVersion": "0.1.0", "exportedAt": "2026-...Z",
 *     "project": { id, name, description, createdAt, updatedAt },
 *     "models": [{ id, projectId, name, xmile, ... }],            // the XMILE text as saved
 *     "scenarios": [{ id, modelId, name, description, overrides, links, ... }],
 *     "networks": [{ id, name, description, directed, waves: [{ id, wave, people, ties, provenance, ... }] }],
 *     "conjointStudies": [{ id, name, document: { study, design, responses, estimations } }],
 *     "sroiAnalyses": [{ id, name, document }],
 *     "sensitivityRuns": [...], "calibrations": [...],             // saved analyses of the models
 *     "stories": [{ id, name, document: { pages } }],              // presentation stories (issue 9, point 1)
 *     "measureDatasets": [{ id, name, kind, fileName, table, settings, privacy, ... }]   // optional (issue 10)
 *   }
 */
import { z } from 'zod';
import { modelRecordSchema } from '../../model/schema/model';
import { projectSchema } from '../../model/schema/project';
import { scenarioSchema } from '../../model/schema/scenario';
import { calibrationRecordSchema, sensitivityRunRecordSchema } from '../store/analysis-records';
import { conjointStudyRecordSchema } from '../../model/schema/conjoint-document';
import { checkSettings, measureDatasetSummarySchema } from '../store/measure-datasets';
import { measureTableSchema } from '../store/measure-document';
import { networkPrivacySchema, networkRecordSchema, networkWaveSchema } from '../store/network-document';
import { sroiAnalysisRecordSchema } from '../store/sroi-analysis-record';
import { storyRecordSchema } from '../store/story-document';

export const PROJECT_FILE_FORMAT = 'empathy-workbench-project' as const;
export const PROJECT_FILE_VERSION = 1 as const;
/** The file's extension: JSON inside, named so a person can tell it is a project. */
export const PROJECT_FILE_EXTENSION = '.ewproject.json';

const networkSchema = networkRecordSchema.extend({
  directed: z.boolean(),
  waves: z.array(networkWaveSchema).min(1, 'A network has at least one wave.'),
  /**
   * How its people data are handled (issue 11): whether the ids are pseudonyms, consent to individual views, the
   * minimum group size. Never the key or the secret: they stay on the machine that imported the data, so a
   * pseudonymized network cannot be traced back from a shared file (and takes no later waves elsewhere).
   * Optional: files from before it existed, whose networks then read as not pseudonymized and without consent.
   */
  privacy: networkPrivacySchema.optional(),
});

/**
 * A measurement data set (issue 10) as the workspace serves it, with its table: the store's own summary schema
 * (measure-datasets.ts, the same fields, strict) with the table, and the checks the store makes of a row it reads
 * back (the row count and header match the table, the settings fit the kind and name columns the table has). Its people-data settings travel; the key
 * and the secret never do (as a network's), so a pseudonymized data set stays pseudonymized and cannot be traced
 * back from a shared file.
 */
export const measureDatasetFileSchema = measureDatasetSummarySchema
  .extend({ table: measureTableSchema })
  .superRefine((dataset, context) => {
    const { table } = dataset;
    if (table.rows.length !== dataset.rowCount)
      context.addIssue({
        code: 'custom',
        path: ['rowCount'],
        message: `is ${dataset.rowCount}, but the table has ${table.rows.length} rows`,
      });
    if (table.columns.join('\u0000') !== dataset.columns.join('\u0000'))
      context.addIssue({ code: 'custom', path: ['columns'], message: "are not the table's header" });
    const ragged = table.rows.findIndex((row) => row.length !== table.columns.length);
    if (ragged >= 0)
      context.addIssue({
        code: 'custom',
        path: ['table', 'rows', ragged],
        message: `has ${table.rows[ragged]?.length ?? 0} cells, but the header has ${table.columns.length}`,
      });
    try {
      checkSettings(dataset.kind, table.columns, dataset.settings);
    } catch (error) {
      context.addIssue({
        code: 'custom',
        path: ['settings'],
        message: error instanceof Error ? error.message : String(error),
      });
    }
  });

/** What the file says it is, checked first so a wrong file gets a plain answer rather than a list of fields. */
export const projectFileHeaderSchema = z.object({
  format: z.literal(PROJECT_FILE_FORMAT),
  version: z.number(),
});

export const projectFileSchema = z
  .object({
    format: z.literal(PROJECT_FILE_FORMAT),
    version: z.literal(PROJECT_FILE_VERSION),
    appVersion: z.string().min(1).max(100),
    exportedAt: z.iso.datetime(),
    project: projectSchema,
    models: z.array(modelRecordSchema),
    scenarios: z.array(scenarioSchema),
    networks: z.array(networkSchema),
    conjointStudies: z.array(conjointStudyRecordSchema),
    sroiAnalyses: z.array(sroiAnalysisRecordSchema),
    sensitivityRuns: z.array(sensitivityRunRecordSchema),
    calibrations: z.array(calibrationRecordSchema),
    // Stories (issue 9, point 1). Their pages name models, scenarios and analyses by id; an import rewrites the
    // ids the file holds, and a page naming one it does not hold is kept and shown as missing.
    stories: z.array(storyRecordSchema),
    // Measurement data sets (issue 10), added to version 1 as optional: files written before them import.
    measureDatasets: z.array(measureDatasetFileSchema).optional(),
  })
  .strict()
  .superRefine((file, context) => {
    // References inside the file: every entity belongs to the file's project and names models and networks
    // that the file holds.
    const projectId = file.project.id;
    const modelIds = new Set(file.models.map((model) => model.id as string));
    const belongs = (key: string, records: readonly { readonly projectId: string }[]) =>
      records.forEach((record, index) => {
        if (record.projectId !== projectId)
          context.addIssue({
            code: 'custom',
            path: [key, index, 'projectId'],
            message: `is not the file's project (${projectId})`,
          });
      });
    const namesModel = (key: string, records: readonly { readonly modelId: string }[]) =>
      records.forEach((record, index) => {
        if (!modelIds.has(record.modelId))
          context.addIssue({
            code: 'custom',
            path: [key, index, 'modelId'],
            message: `names a model the file does not hold (${record.modelId})`,
          });
      });
    belongs('models', file.models);
    belongs('scenarios', file.scenarios);
    belongs('networks', file.networks);
    belongs('conjointStudies', file.conjointStudies);
    belongs('sroiAnalyses', file.sroiAnalyses);
    belongs('sensitivityRuns', file.sensitivityRuns);
    belongs('calibrations', file.calibrations);
    belongs('stories', file.stories);
    belongs('measureDatasets', file.measureDatasets ?? []);
    namesModel('scenarios', file.scenarios);
    namesModel('sensitivityRuns', file.sensitivityRuns);
    namesModel('calibrations', file.calibrations);
    file.networks.forEach((network, index) =>
      network.waves.forEach((wave, waveIndex) => {
        if (wave.networkId !== network.id || wave.directed !== network.directed)
          context.addIssue({
            code: 'custom',
            path: ['networks', index, 'waves', waveIndex],
            message: 'does not belong to its network (another network id, or directed where it is not)',
          });
      }),
    );
  });
export type ProjectFile = z.infer<typeof projectFileSchema>;

export interface ProjectExport {
  readonly fileName: string;
  readonly text: string;
}

export interface ProjectFilePreview {
  /** The project's name in the file. */
  readonly name: string;
  /** Projects of the workspace whose names clash with it (case-insensitive), empty when none. */
  readonly conflicts: readonly string[];
  /** The name a `rename` import would take. */
  readonly renameTo: string;
  readonly counts: {
    readonly models: number;
    readonly scenarios: number;
    readonly networks: number;
    readonly conjointStudies: number;
    readonly sroiAnalyses: number;
    readonly sensitivityRuns: number;
    readonly calibrations: number;
    readonly stories: number;
    readonly measureDatasets: number;
  };
}

/** `networks[0].waves[1].ties[12].weight`: a zod issue's path as a person reads it in the file. */
export function filePath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
