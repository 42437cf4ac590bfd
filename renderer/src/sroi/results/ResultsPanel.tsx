import { useSroi } from '../session/sroi-context';
import { headlineSentence } from '../format';
import { KeyFigures } from './KeyFigures';
import { ValueByOutcome, ValueByStakeholder, ValueByYear } from './value-breakdowns';

/** The results tab: the stage 5 figures and where the value lies, by stakeholder, outcome and year. */
export function ResultsPanel() {
  const { evaluation, currency, session, issues } = useSroi();
  if (!evaluation.ok)
    return (
      <div className="empty-state">
        <h2>Nothing to show until the impact map adds up</h2>
        <p>
          {issues.length} problem{issues.length === 1 ? '' : 's'} in the analysis stop the calculation; each
          is shown next to its cell in the impact map. The first: {issues[0]?.message}
        </p>
      </div>
    );
  const value = evaluation.value;
  const props = { analysis: session.document, evaluation: value, currency, fileStem: session.name };
  return (
    <div className="sroi-results">
      <p className="results-headline">{headlineSentence(value.ratio, currency)}</p>
      {evaluation.warnings.length > 0 ? (
        <div className="banner warning" role="status">
          <ul>
            {evaluation.warnings.map((warning) => (
              <li key={warning.message}>{warning.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <KeyFigures evaluation={value} currency={currency} />
      <div className="breakdown-grid">
        <ValueByStakeholder {...props} />
        <ValueByOutcome {...props} />
      </div>
      <ValueByYear {...props} />
    </div>
  );
}
