import type { SroiOutcome } from '../../../../model/sroi';
import { updateOutcome } from '../session/analysis-edits';
import { useSroi } from '../session/sroi-context';
import { outcomeCell } from './cell-issues';
import { TextCell } from './cells';

type DetailField = 'id' | 'intendedChange' | 'outputs' | 'financialProxy' | 'proxySource' | 'notes';

const FIELDS: readonly {
  readonly field: DetailField;
  readonly label: string;
  readonly required: boolean;
  readonly hint: string;
}[] = [
  {
    field: 'intendedChange',
    label: 'Intended change',
    required: false,
    hint: 'What the stakeholder expected (Guide 2.1)',
  },
  {
    field: 'outputs',
    label: 'Outputs',
    required: false,
    hint: 'What the activity produced, e.g. “23 staff trained” (2.3)',
  },
  {
    field: 'financialProxy',
    label: 'Financial proxy',
    required: false,
    hint: 'What the value stands for (3.5)',
  },
  {
    field: 'proxySource',
    label: 'Proxy source',
    required: true,
    hint: 'Where the value comes from, or that it is an assumption',
  },
  {
    field: 'notes',
    label: 'Notes',
    required: false,
    hint: 'Why deadweight, attribution and drop-off are what they are',
  },
  {
    field: 'id',
    label: 'Outcome id',
    required: true,
    hint: 'Names the outcome in issues, links and exports',
  },
];

/** The longer texts of one impact-map row; the proxy's source is required (the Guide asks for every source). */
export function OutcomeDetails({
  index,
  outcome,
}: {
  readonly index: number;
  readonly outcome: SroiOutcome;
}) {
  const { session, placed } = useSroi();
  const { edit, settle } = session;
  const link = outcome.quantityLink;
  return (
    <div className="outcome-details">
      {FIELDS.map(({ field, label, required, hint }) => (
        <label key={field} className={`field${field === 'proxySource' || field === 'notes' ? ' wide' : ''}`}>
          <span>{label}</span>
          <TextCell
            label={`${label} of ${outcome.id}`}
            required={required}
            multiline={field !== 'id'}
            placeholder={hint}
            value={outcome[field]}
            onChange={(value, phase) =>
              edit(updateOutcome(index, { [field]: required ? (value ?? '') : value }), phase)
            }
            onSettle={settle}
            issues={placed.byCell.get(outcomeCell(index, field))}
          />
        </label>
      ))}
      <p className="field wide muted small">
        {link === undefined
          ? 'The quantity is the figure in the map. In “Dynamics link” it can follow a simulated output instead.'
          : `The quantity follows “${link.variable}” in “${link.model}” (${link.scenario} against ${link.baseline}); change it in “Dynamics link”.`}
      </p>
    </div>
  );
}
