import { headlineSentence } from '../format';
import { useSroi } from '../session/sroi-context';
import { HeadlineFigures } from './HeadlineFigures';

/**
 * The analysis's answer, always in view while editing: the ratio in the Guide's words (section 5.3), present
 * value and NPV; or, while the document breaks a rule, how many problems stand in the way.
 */
export function HeadlineStrip({ onShowIssues }: { readonly onShowIssues: () => void }) {
  const { evaluation, currency, issues, linked } = useSroi();
  if (!evaluation.ok) {
    return (
      <div className="headline-strip blocked" role="status" aria-label="Headline ratio">
        <p className="headline-main">
          {issues.length} problem{issues.length === 1 ? '' : 's'} stop{issues.length === 1 ? 's' : ''} the
          calculation
        </p>
        <p className="muted small">{issues[0]?.message}</p>
        <button type="button" className="link" onClick={onShowIssues}>
          Show them in the impact map
        </button>
      </div>
    );
  }
  const value = evaluation.value;
  const linkedCount = linked.byOutcome.size;
  const simulated = value.outcomes.filter((outcome) => outcome.quantitySource === 'simulation').length;
  return (
    <div className="headline-strip" role="status" aria-label="Headline ratio">
      <p className="headline-main" data-ratio={value.ratio}>
        {headlineSentence(value.ratio, currency)}
      </p>
      <HeadlineFigures value={value} currency={currency} className="headline-figures" markNegative />
      {linkedCount > 0 ? (
        <p className="muted small headline-note">
          {linked.running
            ? 'Running the linked scenarios…'
            : `${simulated} of ${linkedCount} linked quantit${linkedCount === 1 ? 'y follows' : 'ies follow'} the Dynamics scenarios.`}
        </p>
      ) : null}
    </div>
  );
}
