/**
 * A saved estimate out of the app, stamped so a figure in a report can be traced to what made it: the study,
 * the data file and its SHA-256, the seed (HB), the app version that estimated it and the export time.
 * JSON carries the CLI's field names (`conjoint estimate` prints the same report), with each respondent's
 * coefficients under `individual` as the CLI writes them; CSV holds one table (coefficients, or WTP) under `#`
 * comment lines.
 */
import type { ConjointEstimation, ConjointStudyRecord } from '../../../../electron/api/contract';
import { stampedCsv } from '../csv';

export const ESTIMATE_EXPORT_FORMAT = 'empathy-workbench/conjoint-estimate@1';

/** The CLI's `--kind` for each estimate (the MNL is `choice` there). */
const CLI_KIND = { ratings: 'ratings', mnl: 'choice', hb: 'hb' } as const;

function stamp(record: ConjointStudyRecord, estimation: ConjointEstimation, exportedAt: string) {
  return [
    ['format', ESTIMATE_EXPORT_FORMAT],
    ['study', record.name],
    ['kind', CLI_KIND[estimation.kind]],
    ['data', record.document.responses?.source.fileName ?? ''],
    ['data_sha256', estimation.dataHash],
    ['seed', estimation.seed],
    ['app_version', estimation.appVersion],
    ['estimated_at', estimation.estimatedAt],
    ['exported_at', exportedAt],
  ] as const;
}

export function estimateJson(
  record: ConjointStudyRecord,
  estimation: ConjointEstimation,
  exportedAt: string,
): string {
  const { simulation } = estimation;
  const k = simulation.names.length;
  const individual = Object.fromEntries(
    simulation.respondents.map((respondent, r) => [
      respondent,
      {
        coefficients: Object.fromEntries(
          simulation.names.map((name, p) => [name, simulation.individual[r * k + p] ?? null]),
        ),
      },
    ]),
  );
  const document = {
    format: ESTIMATE_EXPORT_FORMAT,
    study: record.name,
    kind: CLI_KIND[estimation.kind],
    data: record.document.responses?.source.fileName ?? null,
    dataHash: estimation.dataHash,
    seed: estimation.seed,
    appVersion: estimation.appVersion,
    estimatedAt: estimation.estimatedAt,
    exportedAt,
    ...estimation.report,
    ...(simulation.respondents.length > 0 ? { individual } : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function coefficientsCsv(
  record: ConjointStudyRecord,
  estimation: ConjointEstimation,
  exportedAt: string,
): string {
  const statistic = estimation.statistic;
  return stampedCsv(
    stamp(record, estimation, exportedAt),
    ['name', 'estimate', 'stdError', statistic, 'p'],
    Object.entries(estimation.report.coefficients).map(([name, row]) => [
      name,
      row.estimate,
      row.stdError,
      statistic === 't' ? (row.t ?? null) : (row.z ?? null),
      row.p,
    ]),
  );
}

export function wtpCsv(
  record: ConjointStudyRecord,
  estimation: ConjointEstimation,
  exportedAt: string,
): string {
  const price = record.document.study.attributes.find(
    (attribute) => attribute.name === estimation.report.price,
  );
  return stampedCsv(
    [
      ...stamp(record, estimation, exportedAt),
      ['price', estimation.report.price ?? null],
      ['units', price?.kind === 'numeric' ? (price.unit ?? null) : null],
    ],
    ['label', 'attribute', 'level', 'versus', 'wtp', 'stdError', 'method'],
    (estimation.report.willingnessToPay ?? []).map((entry) => [
      entry.label,
      entry.attribute,
      entry.level ?? '',
      entry.versus ?? '',
      entry.value,
      entry.stdError,
      entry.method,
    ]),
  );
}
