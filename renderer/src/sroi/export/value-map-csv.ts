/**
 * The value map as CSV (issue 8, point 5): one row per outcome with the impact map's columns in the order of Social
 * Value UK's impact map template (stakeholder, intended change, outputs, outcome, indicator, quantity, duration,
 * proxy and source, the four shares, impact) and the evaluation's figures after them (present value, value in
 * each year). Money columns name their currency in the header; shares are written as shares (0.25), so a
 * spreadsheet can compute with them. Quoting by papaparse (RFC 4180). A byte-order mark leads, so Excel reads the
 * file as UTF-8.
 */
import Papa from 'papaparse';
import type { SroiAnalysis, SroiEvaluation } from '../../../../model/sroi';

const BOM = '\uFEFF';

/** Numbers as they are, without grouping or rounding beyond 10 significant digits. */
const plain = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value) ? '' : String(Number(value.toPrecision(10)));

export function valueMapRows(analysis: SroiAnalysis, evaluation: SroiEvaluation | undefined): string[][] {
  const money = analysis.currency === undefined ? '' : ` (${analysis.currency})`;
  const years = evaluation?.horizonYears ?? 0;
  const header = [
    'Stakeholder',
    'Outcome id',
    'Intended change',
    'Outputs',
    'Outcome',
    'Indicator',
    'Quantity',
    'Quantity source',
    'Duration (years)',
    'Start year',
    'Financial proxy',
    'Proxy source',
    `Proxy value${money}`,
    'Deadweight (share)',
    'Displacement (share)',
    'Attribution (share)',
    'Drop-off (share)',
    `Impact, first year${money}`,
    `Present value${money}`,
    ...Array.from({ length: years }, (_, index) => `Value year ${index + 1}${money}`),
  ];
  const rows = analysis.outcomes.map((outcome, index) => {
    const evaluated = evaluation?.outcomes[index];
    const link = outcome.quantityLink;
    const simulated = evaluated?.quantitySource === 'simulation' && link !== undefined;
    return [
      outcome.stakeholder,
      outcome.id,
      outcome.intendedChange ?? '',
      outcome.outputs ?? '',
      outcome.outcome,
      outcome.indicator,
      plain(outcome.quantity),
      simulated
        ? `Dynamics: ${link.variable} in ${link.model}, ${link.scenario} against ${link.baseline} (year by year)`
        : 'Impact map',
      plain(outcome.durationYears),
      plain(outcome.startYear),
      outcome.financialProxy ?? '',
      outcome.proxySource,
      plain(outcome.proxyValue),
      plain(outcome.deadweight),
      plain(outcome.displacement),
      plain(outcome.attribution),
      plain(outcome.dropOff),
      plain(evaluated?.impactYear1),
      plain(evaluated?.presentValue),
      ...Array.from({ length: years }, (_, year) => plain(evaluated?.valuesByYear[year])),
    ];
  });
  return [header, ...rows];
}

export function valueMapCsv(analysis: SroiAnalysis, evaluation: SroiEvaluation | undefined): string {
  return `${BOM}${Papa.unparse(valueMapRows(analysis, evaluation), { newline: '\r\n' })}\r\n`;
}
