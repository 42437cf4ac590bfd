import { formatFixed } from './scales-format';
import { CONSENT_SENTENCE, NO_CONSENT_SENTENCE } from './scales-words';
import type { SurveyAnalysis } from './survey-analysis';

/** At most this many rows on screen; the export holds them all. */
const SHOWN_ROWS = 500;

/**
 * Each respondent's subscale scores, only when the data set is marked as one whose participants agreed to
 * individual views (issue 11, point 3); otherwise the sentence saying why they are not shown.
 */
export function RespondentScores({
  analysis,
  consent,
}: {
  readonly analysis: SurveyAnalysis;
  readonly consent: boolean;
}) {
  if (!consent)
    return (
      <p className="muted small" role="note" data-testid="no-individual-scores">
        {NO_CONSENT_SENTENCE}
      </p>
    );
  const { key, labelColumns, survey } = analysis;
  const shown = survey.respondents.slice(0, SHOWN_ROWS);
  return (
    <>
      <p className="muted small">{CONSENT_SENTENCE}</p>
      {/* It scrolls on its own, so it takes the focus: keyboard users scroll it with the arrow keys. */}
      <div
        className="table-scroll respondent-scroll"
        role="region"
        aria-label="Scores of each respondent"
        tabIndex={0}
      >
        <table className="scales-table" data-testid="respondent-table">
          <thead>
            <tr>
              <th scope="col" className="number">
                Row
              </th>
              {labelColumns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
              {key.subscales.map((subscale) => (
                <th key={subscale.id} scope="col" className="number" title={subscale.name}>
                  {subscale.id}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((respondent) => (
              <tr key={respondent.row}>
                <td className="number">{respondent.row}</td>
                {labelColumns.map((column) => (
                  <td key={column}>{respondent.labels[column]}</td>
                ))}
                {key.subscales.map((subscale) => {
                  const score = respondent.scores[subscale.id];
                  return (
                    <td
                      key={subscale.id}
                      className="number"
                      title={score === undefined ? undefined : `${score.missing} unanswered`}
                    >
                      {formatFixed(score?.mean, 2)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {survey.respondents.length > SHOWN_ROWS ? (
        <p className="muted small">
          The first {SHOWN_ROWS} of {survey.respondents.length} respondents; the export holds all of them.
        </p>
      ) : null}
    </>
  );
}
