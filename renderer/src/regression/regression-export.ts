/**
 * The regression's coefficient table as CSV, stamped like every export of the app (the data file and its
 * SHA-256, the model as R would write it, the standard errors, the app version and the export time).
 */
import { stampedCsv } from '../conjoint/csv';
import type { RegressionFit, RegressionSpec } from './regression-run';

/** SHA-256 of text through Web Crypto (the app's pages are secure contexts), lower-case hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The model as an R formula: `Fertility ~ Agriculture + factor(region)`. */
export function formulaOf(fit: RegressionFit, spec: RegressionSpec): string {
  return `${spec.outcome} ~ ${fit.terms.map((term) => term.text).join(' + ')}`;
}

export function regressionCsv(
  fit: RegressionFit,
  spec: RegressionSpec,
  source: {
    readonly fileName: string;
    readonly dataHash: string;
    readonly appVersion: string;
    readonly exportedAt: string;
  },
): string {
  return stampedCsv(
    [
      ['format', 'empathy-workbench/regression@1'],
      ['data', source.fileName],
      ['data_sha256', source.dataHash],
      ['formula', formulaOf(fit, spec)],
      ['se', spec.se],
      ['n', fit.n],
      ['app_version', source.appVersion],
      ['exported_at', source.exportedAt],
    ],
    ['name', 'estimate', 'stdError', 't', 'p'],
    fit.rows.map((row) => [row.name, row.estimate, row.stdError, row.t, row.p]),
  );
}
