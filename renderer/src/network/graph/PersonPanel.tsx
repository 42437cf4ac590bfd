import type { NetworkGraph, NetworkMetrics, NodeMetricName } from '../../../../model/network';
import { formatValue } from '../../dynamics/charts/number-format';
import { METRIC_LABELS } from './encoding';

/** Where a value stands among everyone's: 1 for the highest (ties share the better rank). */
function rankOf(values: Float64Array, node: number): number | null {
  const value = values[node] as number;
  if (!Number.isFinite(value)) return null;
  let above = 0;
  for (const other of values) if (other > value) above++;
  return above + 1;
}

/** One person's ego network in numbers: who they give to and receive from, and every figure with its rank. */
export function PersonPanel({
  graph,
  metrics,
  node,
  labels,
  shownMetrics,
  onClose,
  onChoose,
}: {
  readonly graph: NetworkGraph;
  readonly metrics: NetworkMetrics | null;
  readonly node: number;
  readonly labels: readonly string[];
  readonly shownMetrics: readonly NodeMetricName[];
  readonly onClose: () => void;
  readonly onChoose: (node: number) => void;
}) {
  const person = graph.nodes[node];
  if (person === undefined) return null;
  const givesTo: { node: number; weight: number }[] = [];
  const receivesFrom: { node: number; weight: number }[] = [];
  for (const edge of graph.edges) {
    if (edge.source === node) givesTo.push({ node: edge.target, weight: edge.weight });
    if (edge.target === node) receivesFrom.push({ node: edge.source, weight: edge.weight });
  }
  const byWeight = (a: { weight: number }, b: { weight: number }) => b.weight - a.weight;
  givesTo.sort(byWeight);
  receivesFrom.sort(byWeight);
  const contacts = (list: readonly { node: number; weight: number }[], title: string) => (
    <div>
      <h4>
        {title} ({list.length})
      </h4>
      {list.length === 0 ? (
        <p className="muted small">No tie recorded.</p>
      ) : (
        <ul className="contact-list">
          {list.map((contact) => (
            <li key={contact.node}>
              <button type="button" className="link" onClick={() => onChoose(contact.node)}>
                {labels[contact.node] ?? ''}
              </button>
              {graph.weighted ? (
                <span className="muted small"> strength {formatValue(contact.weight)}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  const community = metrics?.community[node];
  return (
    <section className="person-panel" aria-labelledby="person-panel-title">
      <header>
        <h2 id="person-panel-title">{labels[node]}</h2>
        <button type="button" onClick={onClose} aria-label="Close the person panel (Escape)">
          Close
        </button>
      </header>
      <dl className="person-attributes">
        <dt>Id</dt>
        <dd>{person.id}</dd>
        {Object.entries(person.attributes)
          .filter(([key]) => key.toLowerCase() !== 'name')
          .map(([key, value]) => (
            <div key={key} className="pair">
              <dt>{key}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        {community !== undefined ? (
          <div className="pair">
            <dt>Community</dt>
            <dd>{community + 1}</dd>
          </div>
        ) : null}
      </dl>
      {graph.directed ? (
        <>
          {contacts(givesTo, 'Gives support to')}
          {contacts(receivesFrom, 'Receives support from')}
        </>
      ) : (
        contacts([...givesTo, ...receivesFrom].sort(byWeight), 'Tied with')
      )}
      {metrics !== null ? (
        <table className="person-metrics">
          <caption>Figures (rank among {metrics.ids.length} people)</caption>
          <tbody>
            {shownMetrics.map((name) => {
              const rank = rankOf(metrics.node[name], node);
              return (
                <tr key={name} data-metric={name}>
                  <th scope="row">{METRIC_LABELS[name]}</th>
                  <td>{formatValue(metrics.node[name][node] ?? Number.NaN)}</td>
                  <td className="muted">{rank === null ? '' : `#${rank}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="muted small">Figures appear when the metrics are computed.</p>
      )}
    </section>
  );
}
