/**
 * The regression page's calculation, free of React: what each column of an opened CSV holds, a first choice of
 * model (the first numeric column as the outcome, the other numeric columns as predictors), and the fit as
 * `stats regress` reports it (model/stats: design matrix named as R's lm names it, OLS by QR, classical or
 * HC0/HC1/HC3 standard errors, the Wald F with that covariance, and each coefficient read in plain words). A
 * few hundred rows fit in well under a frame, so this runs on the page's thread.
 */
import {
  buildDesignMatrix,
  coefficientTable,
  fitOls,
  isMissing,
  parseNumberCell,
  readCoefficient,
  regressionJsonFields,
  sortLevels,
  waldFTest,
  type DataTable,
  type RegressionFigures,
  type StandardErrorKind,
  type TermSpec,
} from '../../../model/stats';

export interface ColumnProfile {
  readonly name: string;
  /** Every non-missing cell is a number. */
  readonly numeric: boolean;
  /** Distinct values in R's factor order (numbers numerically). */
  readonly levels: readonly string[];
  readonly missing: number;
}

export interface PredictorChoice {
  readonly column: string;
  readonly kind: 'numeric' | 'categorical';
  /** The reference level of a categorical predictor (default: the first in R's order). */
  readonly reference?: string | undefined;
}

export interface RegressionSpec {
  readonly outcome: string;
  readonly predictors: readonly PredictorChoice[];
  readonly se: StandardErrorKind;
  /** The predictor whose reading leads (the empathy score); '' for none. */
  readonly focus: string;
}

/** The fit as the page shows and exports it: the JSON's figures and each coefficient's reading. */
export interface RegressionFit extends RegressionFigures {
  /** Coefficient name -> its plain-words reading. */
  readonly readings: Readonly<Record<string, string>>;
}

export type RegressionOutcome =
  { readonly ok: true; readonly fit: RegressionFit } | { readonly ok: false; readonly error: string };

export function profileColumns(table: DataTable): ColumnProfile[] {
  return table.columns.map((name, index) => {
    const cells = table.rows.map((row) => row[index] ?? '');
    const present = cells.filter((cell) => !isMissing(cell)).map((cell) => cell.trim());
    return {
      name,
      numeric: present.length > 0 && present.every((cell) => parseNumberCell(cell) !== undefined),
      levels: sortLevels(present),
      missing: cells.length - present.length,
    };
  });
}

/** A numeric column that is not one value repeated (an id column has as many values as rows: still numeric). */
const usable = (profile: ColumnProfile) => profile.numeric && profile.levels.length > 1;

export function defaultSpec(profiles: readonly ColumnProfile[]): RegressionSpec {
  const numeric = profiles.filter(usable);
  const outcome = numeric[0]?.name ?? '';
  return {
    outcome,
    predictors: numeric.slice(1).map((profile) => ({ column: profile.name, kind: 'numeric' })),
    se: 'classical',
    focus: numeric[1]?.name ?? '',
  };
}

/** The term as R writes it: the bare name, or factor(name) to treat a numeric column as categories. */
function termOf(choice: PredictorChoice, profile: ColumnProfile | undefined): TermSpec {
  const forced = choice.kind === 'categorical' && profile?.numeric === true;
  return {
    text: forced ? `factor(${choice.column})` : choice.column,
    column: choice.column,
    forcedFactor: forced,
  };
}

export function runRegression(
  table: DataTable,
  profiles: readonly ColumnProfile[],
  spec: RegressionSpec,
): RegressionOutcome {
  if (spec.outcome === '') return { ok: false, error: 'choose the outcome (the KPI) to explain' };
  if (spec.predictors.length === 0) return { ok: false, error: 'choose at least one predictor' };
  for (const choice of spec.predictors) {
    const profile = profiles.find((candidate) => candidate.name === choice.column);
    if (choice.kind === 'numeric' && profile !== undefined && !profile.numeric)
      return { ok: false, error: `“${choice.column}” holds text, so it can only be a categorical predictor` };
  }
  const specs = spec.predictors.map((choice) =>
    termOf(
      choice,
      profiles.find((profile) => profile.name === choice.column),
    ),
  );
  const references = Object.fromEntries(
    spec.predictors.flatMap((choice) =>
      choice.kind === 'categorical' && choice.reference !== undefined && choice.reference !== ''
        ? [[choice.column, choice.reference]]
        : [],
    ),
  );
  const design = buildDesignMatrix(table, spec.outcome, specs, { references });
  if (!design.ok) return { ok: false, error: design.error };
  const fitted = fitOls(design.value);
  if (!fitted.ok) return { ok: false, error: fitted.error };
  const fit = fitted.value;
  const terms = design.value.terms;
  const readings: Record<string, string> = {};
  for (const name of fit.names) {
    const text = readCoefficient(fit, terms, spec.outcome, name, spec.se);
    if (text !== null) readings[name] = text;
  }
  return {
    ok: true,
    fit: {
      rows: coefficientTable(fit, spec.se),
      terms,
      n: fit.n,
      dfResidual: fit.dfResidual,
      droppedRows: design.value.droppedRows,
      rSquared: fit.rSquared,
      adjRSquared: fit.adjRSquared,
      residualStandardError: fit.residualStandardError,
      fStatistic: fit.fStatistic,
      waldF: waldFTest(fit, spec.se),
      logLik: fit.logLik,
      aic: fit.aic,
      bic: fit.bic,
      readings,
    },
  };
}

/** The coefficient names of the focus predictor (one for a numeric column, one per level beyond the reference). */
export function focusNames(fit: RegressionFit, focus: string): string[] {
  const term = fit.terms.find((candidate) => candidate.column === focus);
  return term === undefined ? [] : term.coefficientIndexes.map((index) => fit.rows[index]?.name ?? '');
}

/** The fit as `stats regress --format json` writes it, with the file's SHA-256 and the export time. */
export function regressionJson(
  fit: RegressionFit,
  spec: RegressionSpec,
  source: {
    readonly fileName: string;
    readonly dataHash: string;
    readonly appVersion: string;
    readonly exportedAt: string;
  },
): string {
  const document = {
    format: 'empathy-workbench/regression@1',
    data: source.fileName,
    dataHash: source.dataHash,
    appVersion: source.appVersion,
    exportedAt: source.exportedAt,
    outcome: spec.outcome,
    se: spec.se,
    ...regressionJsonFields(fit),
    reading: fit.readings,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
