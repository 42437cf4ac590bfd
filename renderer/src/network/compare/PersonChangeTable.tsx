import { useId, useMemo, useState } from 'react';
import type { PersonChange } from '../../../../model/network/compare';
import type { NodeMetricName } from '../../../../model/network/metrics';
import { formatChange, formatValue } from '../../dynamics/charts/number-format';

/** The per-person metrics offered here, in the words of the view (a subset: the ones people read). */
export const PERSON_METRICS: readonly { readonly metric: NodeMetricName; readonly label: string }[] = [
  { metric: 'inStrength', label: 'Support received (in-strength)' },
  { metric: 'outStrength', label: 'Support given (out-strength)' },
  { metric: 'inDegree', label: 'People supporting them (in-degree)' },
  { metric: 'reciprocity', label: 'Ties returned (reciprocity)' },
  { metric: 'betweennessWeighted', label: 'Broker role (weighted betweenness)' },
  { metric: 'clustering', label: 'Clustering' },
  { metric: 'constraint', label: 'Constraint (Burt)' },
  { metric: 'pagerankWeighted', label: 'PageRank (weighted)' },
];

/** Rows drawn at most: a 2,000-person table would be slow to draw and no one reads that far; search finds the rest. */
const ROWS_SHOWN = 200;

type SortKey = 'person' | 'team' | 'before' | 'after' | 'change';

interface Row {
  readonly id: string;
  readonly name: string;
  readonly team: string;
  readonly presence: PersonChange['presence'];
  readonly before: number;
  readonly after: number;
  readonly change: number;
}

/** NaN sorts last whichever the direction, so a missing value never heads the list. */
function compareNumbers(a: number, b: number, direction: 1 | -1): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return (a - b) * direction;
}

/**
 * Each person's metric in both waves and its change: sortable by any column (click a heading), searchable by
 * id, name or team. People in one wave only are listed with that wave.
 */
export function PersonChangeTable({
  people,
  names,
  beforeLabel,
  afterLabel,
}: {
  readonly people: readonly PersonChange[];
  /** Display names by id (from the node table), where known. */
  readonly names: ReadonlyMap<string, string>;
  readonly beforeLabel: string;
  readonly afterLabel: string;
}) {
  const ids = { metric: useId(), search: useId() };
  const [metric, setMetric] = useState<NodeMetricName>('inStrength');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; direction: 1 | -1 }>({ key: 'change', direction: -1 });

  const rows = useMemo(() => {
    const wanted = search.trim().toLowerCase();
    const all = people.map((person): Row => {
      const before = person.before?.[metric] ?? Number.NaN;
      const after = person.after?.[metric] ?? Number.NaN;
      return {
        id: person.id,
        name: names.get(person.id) ?? '',
        team: person.team,
        presence: person.presence,
        before,
        after,
        change: after - before,
      };
    });
    const found =
      wanted === ''
        ? all
        : all.filter((row) =>
            [row.id, row.name, row.team].some((text) => text.toLowerCase().includes(wanted)),
          );
    const { key, direction } = sort;
    return found.sort((a, b) =>
      key === 'person'
        ? (a.name || a.id).localeCompare(b.name || b.id) * direction
        : key === 'team'
          ? a.team.localeCompare(b.team) * direction
          : compareNumbers(a[key], b[key], direction),
    );
  }, [people, names, metric, search, sort]);

  const heading = (key: SortKey, label: string, numeric: boolean) => (
    <th
      scope="col"
      className={numeric ? 'number' : undefined}
      aria-sort={sort.key === key ? (sort.direction === 1 ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        className="sort"
        onClick={() =>
          setSort((previous) => ({
            key,
            direction: previous.key === key ? (previous.direction === 1 ? -1 : 1) : numeric ? -1 : 1,
          }))
        }
      >
        {label}
        {sort.key === key ? (sort.direction === 1 ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );

  return (
    <div className="person-changes">
      <div className="comparison-controls">
        <label htmlFor={ids.metric}>Metric</label>
        <select
          id={ids.metric}
          value={metric}
          onChange={(event) => setMetric(event.target.value as NodeMetricName)}
        >
          {PERSON_METRICS.map((choice) => (
            <option key={choice.metric} value={choice.metric}>
              {choice.label}
            </option>
          ))}
        </select>
        <label htmlFor={ids.search}>Search</label>
        <input
          id={ids.search}
          type="search"
          value={search}
          placeholder="id, name or team"
          onChange={(event) => setSearch(event.target.value)}
        />
        <span className="muted small" role="status">
          {rows.length === people.length
            ? `${people.length} people`
            : `${rows.length} of ${people.length} people`}
          {rows.length > ROWS_SHOWN
            ? `; the first ${ROWS_SHOWN} in this order are shown, search to find others`
            : ''}
        </span>
      </div>
      <div className="table-frame person-frame">
        <table className="data-table" aria-label="Change per person">
          <thead>
            <tr>
              {heading('person', 'Person', false)}
              {heading('team', 'Team', false)}
              {heading('before', beforeLabel, true)}
              {heading('after', afterLabel, true)}
              {heading('change', 'Change', true)}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, ROWS_SHOWN).map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  {row.name === '' ? row.id : `${row.name} (${row.id})`}
                  {row.presence === 'both' ? null : <span className="muted small"> · {row.presence}</span>}
                </th>
                <td>{row.team || '—'}</td>
                <td className="number">{formatValue(row.before)}</td>
                <td className="number">{formatValue(row.after)}</td>
                <td className="number">{formatChange(row.change)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
