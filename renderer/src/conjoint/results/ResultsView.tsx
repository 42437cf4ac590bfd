import { useId, useState } from 'react';
import type { ConjointStudyRecord, EstimationKind } from '../../../../electron/api/contract';
import { downloadText } from '../../dynamics/download';
import { formatWhen } from '../format';
import { CoefficientTable } from './CoefficientTable';
import { FitStatistics } from './FitStatistics';
import { ImportanceBars } from './ImportanceBars';
import { LinkToModel } from './LinkToModel';
import { PartWorthCharts } from './PartWorthCharts';
import { coefficientsCsv, estimateJson, wtpCsv } from './results-export';
import { WtpTable } from './WtpTable';

/** One saved estimate: its stamp and exports, fit, coefficients, part-worths, importances and WTP. */
export function ResultsView({
  record,
  kind,
}: {
  readonly record: ConjointStudyRecord;
  readonly kind: EstimationKind;
}) {
  const estimation = record.document.estimations[kind];
  const id = useId();
  const [linking, setLinking] = useState(false);
  if (estimation === undefined) return null;
  const { study } = record.document;
  const price = study.attributes.find((attribute) => attribute.name === estimation.report.price);
  const units = price?.kind === 'numeric' ? (price.unit ?? `units of ${price.name}`) : 'price units';
  const hasWtp = (estimation.report.willingnessToPay?.length ?? 0) > 0;
  const file = `${record.name} ${kind}`;
  const exportAs = (format: 'coefficients' | 'wtp' | 'json') => {
    const at = new Date().toISOString();
    if (format === 'json')
      downloadText(`${file}.json`, 'application/json', estimateJson(record, estimation, at));
    else if (format === 'wtp') downloadText(`${file} wtp.csv`, 'text/csv', wtpCsv(record, estimation, at));
    else downloadText(`${file} coefficients.csv`, 'text/csv', coefficientsCsv(record, estimation, at));
  };

  return (
    <div className="results-view" data-kind={kind}>
      <div className="panel-heading">
        <p className="muted small stamp">
          Estimated {formatWhen(estimation.estimatedAt)} · data{' '}
          {record.document.responses?.source.fileName ?? ''} (SHA-256{' '}
          <code title={estimation.dataHash}>{estimation.dataHash.slice(0, 12)}…</code>)
          {estimation.seed === null ? '' : ` · seed ${estimation.seed}`} · app {estimation.appVersion}
          {estimation.report.status === 'cancelled' ? ' · stopped early' : ''}
        </p>
        <div className="export-group" role="group" aria-label="Export results">
          <span className="muted small">Export</span>
          <button type="button" onClick={() => exportAs('coefficients')}>
            Coefficients CSV
          </button>
          {hasWtp ? (
            <button type="button" onClick={() => exportAs('wtp')}>
              WTP CSV
            </button>
          ) : null}
          <button type="button" onClick={() => exportAs('json')}>
            JSON
          </button>
          {hasWtp ? (
            <button type="button" className="primary" onClick={() => setLinking(true)}>
              Link to model…
            </button>
          ) : null}
        </div>
      </div>

      <div className="results-grid">
        <section className="panel" aria-labelledby={`${id}-fit`}>
          <h3 id={`${id}-fit`} className="panel-title">
            Fit
          </h3>
          <FitStatistics estimation={estimation} />
        </section>
        <section className="panel" aria-labelledby={`${id}-importance`}>
          <h3 id={`${id}-importance`} className="panel-title">
            Attribute importance
          </h3>
          <ImportanceBars estimation={estimation} />
        </section>
      </div>

      {hasWtp ? (
        <section className="panel" aria-labelledby={`${id}-wtp`}>
          <h3 id={`${id}-wtp`} className="panel-title">
            Willingness to pay
          </h3>
          <WtpTable estimation={estimation} units={units} />
        </section>
      ) : (
        <p className="muted small">
          No willingness to pay:{' '}
          {study.price === undefined
            ? 'the study has no price attribute (step 1).'
            : 'the price is not numeric in the data.'}
        </p>
      )}

      <section className="panel" aria-labelledby={`${id}-part-worths`}>
        <h3 id={`${id}-part-worths`} className="panel-title">
          Part-worths
        </h3>
        <PartWorthCharts study={study} estimation={estimation} />
      </section>

      <section className="panel" aria-labelledby={`${id}-coefficients`}>
        <h3 id={`${id}-coefficients`} className="panel-title">
          Coefficients
        </h3>
        <CoefficientTable estimation={estimation} />
      </section>

      <LinkToModel record={record} kind={kind} open={linking} onClose={() => setLinking(false)} />
    </div>
  );
}
