import type { ScoringKey } from '../../../../model/measure';
import { formatFixed } from './scales-format';
import { NO_GROUP_COLUMN } from './scales-words';
import { ScoreDumbbell } from './ScoreDumbbell';
import type { SurveyAnalysis } from './survey-analysis';

/**
 * Per team (and wave): respondents, and per subscale the n scored, mean and SD of the subscale means; groups
 * under the minimum group size are left out with the model's note (issue 11, point 2). With two waves or more, a
 * dumbbell per subscale shows each team's mean in the first and the last wave.
 */
export function TeamFigures({
  analysis,
  minGroupSize,
}: {
  readonly analysis: SurveyAnalysis;
  readonly minGroupSize: number;
}) {
  const { groups, key } = analysis;
  if (groups === null) return <p className="muted small">{NO_GROUP_COLUMN}</p>;
  const first = analysis.waves[0];
  const last = analysis.waves.at(-1);
  return (
    <div className="team-figures">
      {groups.kept.length === 0 ? (
        <p className="muted small" data-testid="no-groups">
          No group to show: every group has fewer than {minGroupSize} people.
        </p>
      ) : (
        <GroupTable analysis={analysis} keyUsed={key} />
      )}
      {groups.note !== null ? (
        <p className="muted small hidden-note" role="note" data-testid="hidden-groups-note">
          {groups.note}
        </p>
      ) : null}
      {analysis.change.length > 0 && first !== undefined && last !== undefined ? (
        <>
          <div className="legend" aria-hidden="true">
            <span>
              <span className="legend-dot before" />
              {first}
            </span>
            <span>
              <span className="legend-dot after" />
              {last}
            </span>
          </div>
          <div className="dumbbell-grid" data-testid="team-change-charts">
            {analysis.change.map((subscale) => (
              <ScoreDumbbell
                key={subscale.subscale}
                title={`${subscale.name} (${subscale.subscale}), team mean`}
                rows={subscale.rows}
                domain={[key.answers.min, key.answers.max]}
                beforeLabel={first}
                afterLabel={last}
              />
            ))}
          </div>
        </>
      ) : null}
    </div>
  );
}

function GroupTable({
  analysis,
  keyUsed,
}: {
  readonly analysis: SurveyAnalysis;
  readonly keyUsed: ScoringKey;
}) {
  const groups = analysis.groups;
  if (groups === null) return null;
  return (
    <div className="table-scroll">
      <table className="scales-table" data-testid="team-table">
        <thead>
          <tr>
            {groups.by.map((column) => (
              <th key={column} scope="col" rowSpan={2}>
                {column}
              </th>
            ))}
            <th scope="col" rowSpan={2} className="number">
              People
            </th>
            {keyUsed.subscales.map((subscale) => (
              <th key={subscale.id} scope="colgroup" colSpan={3} className="center" title={subscale.name}>
                {subscale.id}
              </th>
            ))}
          </tr>
          <tr>
            {keyUsed.subscales.map((subscale) => [
              <th key={`${subscale.id}-n`} scope="col" className="number" title="Respondents scored on it">
                n
              </th>,
              <th key={`${subscale.id}-mean`} scope="col" className="number">
                Mean
              </th>,
              <th key={`${subscale.id}-sd`} scope="col" className="number">
                SD
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {groups.kept.map((group) => {
            const label = groups.by.map((column) => group.group[column] ?? '').join(' · ');
            return (
              <tr key={label} data-group={label}>
                {groups.by.map((column, index) =>
                  index === 0 ? (
                    <th key={column} scope="row">
                      {group.group[column]}
                    </th>
                  ) : (
                    <td key={column}>{group.group[column]}</td>
                  ),
                )}
                <td className="number">{group.respondents}</td>
                {keyUsed.subscales.map((subscale) => {
                  const summary = group.subscales[subscale.id];
                  return [
                    <td key={`${subscale.id}-n`} className="number">
                      {summary?.n ?? '—'}
                    </td>,
                    <td key={`${subscale.id}-mean`} className="number">
                      {formatFixed(summary?.mean, 2)}
                    </td>,
                    <td key={`${subscale.id}-sd`} className="number">
                      {formatFixed(summary?.sd, 2)}
                    </td>,
                  ];
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">
        Mean and SD of the respondents’ subscale scores (the mean of their answered items,{' '}
        {keyUsed.answers.min} to {keyUsed.answers.max}).
      </p>
    </div>
  );
}
