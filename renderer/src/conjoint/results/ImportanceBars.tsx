import type { ConjointEstimation } from '../../../../electron/api/contract';
import { HorizontalBars } from '../charts/HorizontalBars';
import { formatPercent } from '../format';

type Importances = ConjointEstimation['report']['importances']['aggregatePartWorths'];

/** One basis of importances as bars, under the label that says which basis it is. */
function Basis({ importances, note }: { readonly importances: Importances; readonly note: string }) {
  const bars = Object.entries(importances.percent)
    .sort(([, a], [, b]) => b - a)
    .map(([attribute, percent]) => ({
      key: attribute,
      label: attribute,
      value: percent,
      text: formatPercent(percent),
    }));
  return (
    <figure className="bar-figure importance" data-basis={importances.label}>
      <figcaption>
        <strong>{importances.label}</strong> <span className="muted small">{note}</span>
      </figcaption>
      <HorizontalBars title={`Attribute importance, ${importances.label}`} bars={bars} domain={[0, 100]} />
    </figure>
  );
}

/**
 * Attribute importances, each labelled by how it was computed: from the aggregate part-worths (ranges of the
 * averages), and, when respondents were estimated one by one, the average of each respondent's importances.
 */
export function ImportanceBars({ estimation }: { readonly estimation: ConjointEstimation }) {
  const { aggregatePartWorths, perRespondentAverage } = estimation.report.importances;
  return (
    <div className="bar-grid importances">
      {perRespondentAverage !== undefined ? (
        <Basis
          importances={perRespondentAverage}
          note={`over ${perRespondentAverage.respondents ?? 0} respondents${(perRespondentAverage.excludedRespondents?.length ?? 0) > 0 ? `; ${perRespondentAverage.excludedRespondents?.length} with constant answers left out` : ''}`}
        />
      ) : null}
      <Basis
        importances={aggregatePartWorths}
        note={
          perRespondentAverage === undefined
            ? 'one set of part-worths for everyone'
            : 'shrinks where respondents disagree'
        }
      />
    </div>
  );
}
