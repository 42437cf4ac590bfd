/**
 * Difference in differences: how much more the treated group changed from before to after than the others, as
 * the interaction of OLS y ~ treated * post (Angrist & Pischke 2009, "Mostly Harmless Econometrics", §5.2), fitted
 * with the project's OLS (model/stats). Standard errors: classical, HC1, and, given a cluster column (person or
 * team observed in both periods), cluster-robust CR1 (Liang & Zeger 1986; Cameron & Miller 2015, J. Human
 * Resources 50:317, eq. 11): V = c (X'X)^-1 (Σ_g X_g' u_g u_g' X_g) (X'X)^-1 with c = G/(G-1) · (N-1)/(N-K), the
 * factor Stata and statsmodels (cov_type="cluster") use. With clusters, tests and intervals use t on G - 1 df
 * (Stata's convention; statsmodels with use_t=True), since few clusters make the normal too optimistic.
 */
import studentTQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { DataTable, Result } from '../stats/data-table';
import { studentTTwoSidedP } from '../stats/distributions';
import { fitOls, type OlsFit } from '../stats/ols';
import { completeRows, readNumericCell, requireColumn, twoLevels } from './comparison-data';
import { confidenceLabel, formatNumber, formatP } from './wording';

export interface DidOptions {
  readonly outcome: string;
  /** The column telling treated from control rows, and which value is the control. */
  readonly group: string;
  readonly control?: string;
  /** The column telling before from after, and which value is "before". */
  readonly period: string;
  readonly before?: string;
  /** Rows sharing a value here (a person, a team) are one cluster. */
  readonly cluster?: string;
  readonly alpha: number;
  /**
   * Words for the reading: who was treated ("Teams that took the training"), who was not ("the others") and what
   * the outcome is ("customer retention"); by default the column names and values.
   */
  readonly wording?: { readonly treated?: string; readonly control?: string; readonly outcome?: string };
}

export interface DidCell {
  readonly group: string;
  readonly period: string;
  readonly n: number;
  readonly mean: number;
}

export interface StandardErrorRow {
  readonly stdError: number;
  readonly t: number;
  readonly df: number;
  readonly p: number;
  readonly confidenceInterval: readonly [number, number];
}

export interface DidResult {
  readonly outcome: string;
  readonly treated: string;
  readonly control: string;
  readonly before: string;
  readonly after: string;
  /** The four cell means: control before/after, treated before/after. */
  readonly cells: readonly DidCell[];
  /** The interaction coefficient: (treated after − before) − (control after − before). */
  readonly estimate: number;
  readonly coefficients: Readonly<Record<string, number>>;
  readonly classical: StandardErrorRow;
  readonly hc1: StandardErrorRow;
  readonly cluster: (StandardErrorRow & { readonly column: string; readonly clusters: number }) | null;
  /** Which of the above the reading uses: the cluster SE when given, else classical. */
  readonly reported: 'classical' | 'cluster';
  readonly n: number;
  readonly droppedRows: number;
  readonly alpha: number;
  readonly reading: string;
  readonly assumptions: readonly string[];
}

const INTERACTION = 3;

function row(estimate: number, variance: number, df: number, alpha: number): StandardErrorRow {
  const stdError = Math.sqrt(variance);
  const t = estimate / stdError;
  const quantile = studentTQuantile(1 - alpha / 2, df);
  return {
    stdError,
    t,
    df,
    p: studentTTwoSidedP(t, df),
    confidenceInterval: [estimate - quantile * stdError, estimate + quantile * stdError],
  };
}

/** CR1 variance of coefficient `j` (see the top of the file); (X'X)^-1 is the classical covariance over σ². */
export function clusterVariance(
  fit: OlsFit,
  x: Float64Array,
  clusters: readonly string[],
  j: number,
): { variance: number; count: number } {
  const { k, n } = fit;
  const sigma2 = fit.rss / fit.dfResidual;
  const bread = fit.covariance.classical.map((value) => value / sigma2);
  const scores = new Map<string, Float64Array>();
  for (let i = 0; i < n; i++) {
    const id = clusters[i] as string;
    let score = scores.get(id);
    if (score === undefined) scores.set(id, (score = new Float64Array(k)));
    const residual = fit.residuals[i] as number;
    for (let a = 0; a < k; a++) score[a] = (score[a] as number) + (x[i * k + a] as number) * residual;
  }
  // Row j of the bread times each cluster's score gives that cluster's contribution to coefficient j.
  let meat = 0;
  for (const score of scores.values()) {
    let contribution = 0;
    for (let a = 0; a < k; a++) contribution += (bread[j * k + a] as number) * (score[a] as number);
    meat += contribution * contribution;
  }
  const g = scores.size;
  const correction = (g / (g - 1)) * ((n - 1) / (n - k));
  return { variance: correction * meat, count: g };
}

export function differenceInDifferences(table: DataTable, options: DidOptions): Result<DidResult> {
  const columns = [
    requireColumn(table, options.outcome, '--outcome'),
    requireColumn(table, options.group, '--group'),
    requireColumn(table, options.period, '--period'),
    ...(options.cluster === undefined ? [] : [requireColumn(table, options.cluster, '--cluster')]),
  ];
  const indices: number[] = [];
  for (const column of columns) {
    if (!column.ok) return column;
    indices.push(column.value);
  }
  const complete = completeRows(table, indices);
  const groups = twoLevels(
    complete.cells.map((cells) => cells[1] as string),
    options.group,
    options.control,
  );
  if (!groups.ok) return groups;
  const periods = twoLevels(
    complete.cells.map((cells) => cells[2] as string),
    options.period,
    options.before,
  );
  if (!periods.ok) return periods;
  const n = complete.cells.length;
  const k = 4;
  const x = new Float64Array(n * k);
  const y = new Float64Array(n);
  const clusters: string[] = [];
  const sums = new Map<string, { n: number; sum: number }>();
  for (let i = 0; i < n; i++) {
    const cells = complete.cells[i] as string[];
    const value = readNumericCell(cells[0] as string, complete.rows[i] as number, options.outcome);
    if (!value.ok) return value;
    const treated = cells[1] === groups.value.other ? 1 : 0;
    const post = cells[2] === periods.value.other ? 1 : 0;
    x.set([1, treated, post, treated * post], i * k);
    y[i] = value.value;
    clusters.push(cells[3] ?? '');
    const key = `${treated} ${post}`;
    const cell = sums.get(key) ?? { n: 0, sum: 0 };
    sums.set(key, { n: cell.n + 1, sum: cell.sum + value.value });
  }
  for (const [treated, post] of [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ] as const)
    if ((sums.get(`${treated} ${post}`)?.n ?? 0) === 0)
      return {
        ok: false,
        error: `no rows with ${options.group} = "${treated ? groups.value.other : groups.value.reference}" and ${options.period} = "${post ? periods.value.other : periods.value.reference}": each group needs rows before and after`,
      };
  const names = ['(Intercept)', options.group, options.period, `${options.group}:${options.period}`];
  const fitted = fitOls({ names, x, y, n, k, hasIntercept: true });
  if (!fitted.ok) return fitted;
  const fit = fitted.value;
  const estimate = fit.estimates[INTERACTION] as number;
  const at = INTERACTION * k + INTERACTION;
  const classical = row(estimate, fit.covariance.classical[at] as number, fit.dfResidual, options.alpha);
  const hc1 = row(estimate, fit.covariance.hc1[at] as number, fit.dfResidual, options.alpha);
  let cluster: DidResult['cluster'] = null;
  if (options.cluster !== undefined) {
    const { variance, count } = clusterVariance(fit, x, clusters, INTERACTION);
    if (count < 2)
      return {
        ok: false,
        error: `--cluster column "${options.cluster}" has a single value: clusters need at least two`,
      };
    cluster = {
      ...row(estimate, variance, count - 1, options.alpha),
      column: options.cluster,
      clusters: count,
    };
  }
  const reported = cluster ?? classical;
  const cells: DidCell[] = [];
  for (const [treated, post] of [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ] as const) {
    const cell = sums.get(`${treated} ${post}`) as { n: number; sum: number };
    cells.push({
      group: treated ? groups.value.other : groups.value.reference,
      period: post ? periods.value.other : periods.value.reference,
      n: cell.n,
      mean: cell.sum / cell.n,
    });
  }
  const [lower, upper] = reported.confidenceInterval;
  const reading = [
    `${options.wording?.treated ?? `Rows with ${options.group} = "${groups.value.other}"`} changed their ${options.wording?.outcome ?? options.outcome} by ${formatNumber(Math.abs(estimate))} ${estimate >= 0 ? 'more' : 'less'} from "${periods.value.reference}" to "${periods.value.other}" than ${options.wording?.control ?? `those with "${groups.value.reference}"`} (${confidenceLabel(options.alpha)} CI ${formatNumber(lower)} to ${formatNumber(upper)}; ${formatP(reported.p)}${cluster === null ? '' : `; SE clustered by ${cluster.column}, ${cluster.clusters} clusters`}),`,
    'assuming both groups would have followed parallel trends without the change.',
  ].join(' ');
  return {
    ok: true,
    value: {
      outcome: options.outcome,
      treated: groups.value.other,
      control: groups.value.reference,
      before: periods.value.reference,
      after: periods.value.other,
      cells,
      estimate,
      coefficients: Object.fromEntries(names.map((name, j) => [name, fit.estimates[j] as number])),
      classical,
      hc1,
      cluster,
      reported: cluster === null ? 'classical' : 'cluster',
      n,
      droppedRows: complete.dropped,
      alpha: options.alpha,
      reading,
      assumptions: [
        'Parallel trends: without the change, both groups would have moved by the same amount.',
        'No anticipation: the treated group did not change before the change began, and the groups did not change composition.',
        'The change in one group did not spill over to the other.',
        cluster === null
          ? 'Rows are independent (classical SE); if the same people or teams appear in both periods, give --cluster.'
          : `Rows are independent between clusters of ${cluster.column} but may be correlated within one; with few clusters (under about 40) the SE can be too small.`,
      ],
    },
  };
}
