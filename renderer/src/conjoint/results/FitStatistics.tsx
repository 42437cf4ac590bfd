import type { ConjointEstimation } from '../../../../electron/api/contract';
import { formatStatistic, formatPValue } from '../format';

/** The fit figures the report has, each with the name researchers look for. */
export function FitStatistics({ estimation }: { readonly estimation: ConjointEstimation }) {
  const { report, kind } = estimation;
  const rows: [string, string][] = [];
  const add = (label: string, value: number | null | undefined, format = formatStatistic) => {
    if (value !== undefined) rows.push([label, format(value)]);
  };
  add(kind === 'ratings' ? 'Ratings (n)' : 'Choice sets (n)', report.n, (value) =>
    (value ?? 0).toLocaleString('en-US'),
  );
  add('Respondents', report.respondents, (value) => (value ?? 0).toLocaleString('en-US'));
  add('Log-likelihood', report.logLik);
  add('Log-likelihood, equal shares', report.logLikNull);
  add('McFadden R²', report.mcfaddenR2);
  add('R²', report.rSquared);
  add('Adjusted R²', report.adjRSquared);
  add('Residual standard error', report.residualStandardError);
  if (report.fStatistic !== undefined && report.fStatistic !== null)
    rows.push([
      'F statistic',
      `${formatStatistic(report.fStatistic.value)} on ${report.fStatistic.df1} and ${report.fStatistic.df2} df, p ${formatPValue(report.fStatistic.p).replace(/^(\d)/, '= $1')}`,
    ]);
  add('AIC', report.aic);
  add('BIC', report.bic);
  add('Iterations', report.iterations, (value) => (value ?? 0).toLocaleString('en-US'));
  add('Burn-in', report.burnIn, (value) => (value ?? 0).toLocaleString('en-US'));
  add('Kept draws', report.keptDraws, (value) => (value ?? 0).toLocaleString('en-US'));
  add('Acceptance rate', report.acceptanceRate, (value) =>
    value === null ? '—' : `${((value ?? 0) * 100).toFixed(1)}%`,
  );
  if (estimation.seed !== null) rows.push(['Seed', String(estimation.seed)]);
  return (
    <dl className="facts fit-statistics">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
