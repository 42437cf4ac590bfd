import type { NodeMetricName } from '../../../../model/network';
import { formatInputValue } from '../../dynamics/charts/number-format';
import { METRIC_LABELS, type ColorBy, type SizeBy } from './encoding';
import type { GraphFilter } from './filters';

/** The encoding and filter controls above the graph. */
export function GraphControls({
  metrics,
  ready,
  teams,
  hasTeams,
  sizeBy,
  colorBy,
  filter,
  weightRange,
  metricExtent,
  onSizeBy,
  onColorBy,
  onFilter,
}: {
  /** The figures a person may be sized, coloured or filtered by (none without consent to individual views). */
  readonly metrics: readonly NodeMetricName[];
  /** The figures are computed. */
  readonly ready: boolean;
  readonly teams: readonly string[];
  readonly hasTeams: boolean;
  readonly sizeBy: SizeBy;
  readonly colorBy: ColorBy;
  readonly filter: GraphFilter;
  readonly weightRange: readonly [number, number];
  readonly metricExtent: (metric: NodeMetricName) => readonly [number, number];
  readonly onSizeBy: (next: SizeBy) => void;
  readonly onColorBy: (next: ColorBy) => void;
  readonly onFilter: (next: GraphFilter) => void;
}) {
  const disabled = !ready;
  const toggleTeam = (team: string, on: boolean) => {
    const current = new Set(filter.teams ?? teams);
    if (on) current.add(team);
    else current.delete(team);
    onFilter({ ...filter, teams: current.size === teams.length ? null : current });
  };
  const range = filter.metricRange;
  const [weightLow, weightHigh] = weightRange;
  return (
    <div className="graph-controls" role="group" aria-label="Graph settings">
      <label className="inline-field">
        <span>Size by</span>
        <select
          value={sizeBy}
          disabled={disabled}
          onChange={(event) => onSizeBy(event.target.value as SizeBy)}
        >
          <option value="uniform">The same for everyone</option>
          {metrics.map((name) => (
            <option key={name} value={name}>
              {METRIC_LABELS[name]}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>Colour by</span>
        <select
          value={colorBy}
          disabled={disabled}
          onChange={(event) => onColorBy(event.target.value as ColorBy)}
        >
          {hasTeams ? <option value="team">Team</option> : null}
          <option value="community">Community (Louvain)</option>
          {metrics.map((name) => (
            <option key={name} value={name}>
              {METRIC_LABELS[name]}
            </option>
          ))}
        </select>
      </label>
      {weightHigh > weightLow ? (
        <label className="inline-field">
          <span>Ties of strength ≥ {formatInputValue(Math.max(filter.minWeight, weightLow))}</span>
          <input
            type="range"
            min={weightLow}
            max={weightHigh}
            step={
              Number.isInteger(weightLow) && Number.isInteger(weightHigh) ? 1 : (weightHigh - weightLow) / 100
            }
            value={Math.max(filter.minWeight, weightLow)}
            onChange={(event) => onFilter({ ...filter, minWeight: Number(event.target.value) })}
          />
        </label>
      ) : null}
      {teams.length > 0 ? (
        <fieldset className="team-filter">
          <legend>Teams</legend>
          {teams.map((team) => (
            <label key={team}>
              <input
                type="checkbox"
                checked={filter.teams === null || filter.teams.has(team)}
                onChange={(event) => toggleTeam(team, event.target.checked)}
              />
              {team}
            </label>
          ))}
          {filter.teams !== null ? (
            <button type="button" className="link" onClick={() => onFilter({ ...filter, teams: null })}>
              All teams
            </button>
          ) : null}
        </fieldset>
      ) : null}
      <fieldset className="metric-filter" disabled={disabled || metrics.length === 0}>
        <legend>People with</legend>
        <select
          aria-label="Filter people by a figure"
          value={range?.metric ?? ''}
          onChange={(event) => {
            const metric = event.target.value as NodeMetricName | '';
            if (metric === '') onFilter({ ...filter, metricRange: null });
            else {
              const [low, high] = metricExtent(metric);
              onFilter({ ...filter, metricRange: { metric, low, high } });
            }
          }}
        >
          <option value="">any figures</option>
          {metrics.map((name) => (
            <option key={name} value={name}>
              {METRIC_LABELS[name]}
            </option>
          ))}
        </select>
        {range !== null ? (
          <>
            {(['low', 'high'] as const).map((end, index) => (
              <label key={end}>
                {index === 1 ? <span aria-hidden="true">to </span> : null}
                <span className="visually-hidden">
                  {end === 'low' ? 'Lowest' : 'Highest'} {METRIC_LABELS[range.metric]}
                </span>
                <input
                  type="number"
                  step="any"
                  value={formatInputValue(range[end])}
                  onChange={(event) => {
                    const value = Number(event.target.value);
                    if (event.target.value !== '' && Number.isFinite(value))
                      onFilter({ ...filter, metricRange: { ...range, [end]: value } });
                  }}
                />
              </label>
            ))}
          </>
        ) : null}
      </fieldset>
    </div>
  );
}
