import { useState } from 'react';
import type { SroiAnalysis, SroiEvaluation } from '../../../../model/sroi';
import { desktop } from '../../api';
import { TornadoChart } from '../charts/TornadoChart';
import { formatMoney, formatShare, headlineSentence } from '../format';
import { KeyFigures } from '../results/KeyFigures';
import { ValueByStakeholder, ValueByYear } from '../results/value-breakdowns';
import { useSensitivityAnalysis } from '../sensitivity/SensitivityPanel';
import { SwitchingValuesTable } from '../sensitivity/SwitchingValuesTable';
import { ASSUMPTION_LABELS } from '../sensitivity/sensitivity-settings';
import { describeRange, tornadoRows } from '../sensitivity/sensitivity-rows';
import { useSroi } from '../session/sroi-context';
import { SENSITIVITY_ASSUMPTIONS } from '../../../../model/sroi';
import { ReportAssumptions } from './ReportAssumptions';
import { ValueMapTable } from './ValueMapTable';
import './report.css';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' });

/**
 * The printable report (issue 8, point 5): headline ratio, value map, value by stakeholder and year, assumptions
 * and sensitivity, on one page that the print stylesheet (report.css) lays out for paper.
 *
 * PDF: in the desktop app, Electron's webContents.printToPDF through the preload's printToPdf (the main process
 * asks where to save it, electron/main/print-to-pdf.ts); in the browser, the page's own print, whose "Save as PDF"
 * printer gives the same pages. Both print this view with the print stylesheet.
 */
type PdfState =
  | { readonly status: 'idle' }
  | { readonly status: 'saving' }
  | { readonly status: 'saved'; readonly path: string }
  | { readonly status: 'failed'; readonly message: string };

/** Save as PDF (desktop: printToPDF into a file the user picks) and print (both hosts: the print dialog). */
function ReportActions({ fileName }: { readonly fileName: string }) {
  const [pdf, setPdf] = useState<PdfState>({ status: 'idle' });
  const printToPdf = desktop?.printToPdf;
  if (printToPdf === undefined)
    return (
      <div className="report-actions no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          Print or save as PDF…
        </button>
        <span className="muted small">Choose “Save as PDF” as the printer to keep a PDF.</span>
      </div>
    );
  const save = async () => {
    setPdf({ status: 'saving' });
    const result = await printToPdf(fileName.trim() === '' ? 'SROI report' : `${fileName.trim()} report`);
    if (!result.ok) setPdf({ status: 'failed', message: result.error.message });
    else setPdf(result.value.saved ? { status: 'saved', path: result.value.path } : { status: 'idle' });
  };
  return (
    <div className="report-actions no-print">
      <button
        type="button"
        className="primary"
        disabled={pdf.status === 'saving'}
        onClick={() => void save()}
      >
        Save as PDF…
      </button>
      <button type="button" onClick={() => window.print()}>
        Print…
      </button>
      <span role="status" className={pdf.status === 'failed' ? 'cell-issue' : 'muted small'}>
        {pdf.status === 'saving'
          ? 'Printing to PDF…'
          : pdf.status === 'saved'
            ? `Saved to ${pdf.path}`
            : pdf.status === 'failed'
              ? pdf.message
              : ''}
      </span>
    </div>
  );
}

export function ReportView() {
  const { session, evaluation, currency, issues } = useSroi();
  const document: SroiAnalysis = { ...session.document, name: session.name };
  return (
    <div className="sroi-report-frame">
      <ReportActions fileName={session.name} />
      <article className="sroi-report" aria-label={`Report: ${session.name}`}>
        <header className="report-header">
          <p className="report-kicker">
            Social return on investment{document.scope?.kind === undefined ? '' : ` · ${document.scope.kind}`}
          </p>
          <h2 className="report-title">{session.name}</h2>
          {document.description === undefined ? null : (
            <p className="report-description">{document.description}</p>
          )}
          <p className="muted small">Prepared with Empathy Workbench on {dateFormat.format(new Date())}.</p>
        </header>
        {evaluation.ok ? (
          <ReportBody analysis={document} evaluation={evaluation.value} currency={currency} />
        ) : (
          <section className="report-section">
            <h3>The analysis cannot be evaluated yet</h3>
            <ul>
              {issues.map((issue) => (
                <li key={issue.message}>{issue.message}</li>
              ))}
            </ul>
          </section>
        )}
      </article>
    </div>
  );
}

function ReportBody({
  analysis,
  evaluation,
  currency,
}: {
  readonly analysis: SroiAnalysis;
  readonly evaluation: SroiEvaluation;
  readonly currency: string | undefined;
}) {
  const { sensitivity, linked } = useSroi();
  const sensitivityAnalysis = useSensitivityAnalysis();
  const fileStem = analysis.name;
  return (
    <>
      <section className="report-section report-headline">
        <p className="report-ratio">{headlineSentence(evaluation.ratio, currency)}</p>
        <KeyFigures evaluation={evaluation} currency={currency} />
      </section>

      <section className="report-section">
        <h3>Value map</h3>
        <ValueMapTable
          analysis={analysis}
          evaluation={evaluation}
          currency={currency}
          linked={linked.byOutcome}
        />
      </section>

      <section className="report-section">
        <ValueByYear analysis={analysis} evaluation={evaluation} currency={currency} fileStem={fileStem} />
      </section>
      <section className="report-section">
        <ValueByStakeholder
          analysis={analysis}
          evaluation={evaluation}
          currency={currency}
          fileStem={fileStem}
        />
      </section>

      <section className="report-section">
        <h3>Assumptions</h3>
        <ReportAssumptions
          analysis={analysis}
          evaluation={evaluation}
          currency={currency}
          linked={linked.byOutcome}
        />
      </section>

      <section className="report-section">
        <h3>Sensitivity</h3>
        {sensitivityAnalysis.ok ? (
          <>
            <p>
              Each assumption of each outcome was moved over its range, everything else held (Guide 5.4).
              Ranges:{' '}
              {SENSITIVITY_ASSUMPTIONS.map(
                (assumption) =>
                  `${ASSUMPTION_LABELS[assumption].toLowerCase()} ${describeRange(assumption, sensitivity[assumption])}`,
              ).join('; ')}
              .
            </p>
            <TornadoChart
              title="What moves the ratio most"
              rows={tornadoRows(sensitivityAnalysis.value, currency)}
              baseRatio={sensitivityAnalysis.value.baseRatio}
              fileName={`${fileStem} tornado`}
            />
            <h4 className="panel-title">Switching values</h4>
            <SwitchingValuesTable analysis={sensitivityAnalysis.value} currency={currency} />
          </>
        ) : (
          <p>{sensitivityAnalysis.message}</p>
        )}
      </section>

      <section className="report-section report-method">
        <h3>Method</h3>
        <p>
          By A Guide to Social Return on Investment (Cabinet Office / SROI Network, 2012). Each outcome’s
          impact is quantity × financial proxy × (1 − deadweight) × (1 − displacement) × (1 − attribution);
          from its second year it falls by the drop-off each year. The value of year t is discounted by (1 +
          r)^t at {formatShare(evaluation.discountRate)} a year (HM Treasury’s Green Book rate is 3.5%); the
          inputs ({formatMoney(evaluation.totalInputs, currency)}) are not discounted. The SROI ratio is the
          present value divided by the inputs; the payback is the inputs divided by the first year’s value per
          month.
        </p>
      </section>
    </>
  );
}
