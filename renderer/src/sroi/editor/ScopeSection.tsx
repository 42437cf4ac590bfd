import type { SroiScope } from '../../../../model/sroi';
import { setScope } from '../session/analysis-edits';
import { useSroi } from '../session/sroi-context';
import { analysisCell } from './cell-issues';
import { TextCell } from './cells';

const TEXT_FIELDS: readonly {
  readonly key: Exclude<keyof SroiScope, 'kind'>;
  readonly label: string;
  readonly hint: string;
}[] = [
  { key: 'purpose', label: 'Purpose', hint: 'Why the analysis is done, and what it should decide' },
  { key: 'audience', label: 'Audience', hint: 'Who will read it' },
  { key: 'activities', label: 'Activities', hint: 'What is analysed' },
  { key: 'period', label: 'Period', hint: 'The time it covers' },
];

/** Guide stage 1, section 1.1: what is analysed, for whom, over what period, forecast or evaluative. */
export function ScopeSection() {
  const { session, placed } = useSroi();
  const { document, edit, settle } = session;
  const scope = document.scope ?? {};
  return (
    <section className="panel sroi-section" aria-labelledby="sroi-scope-heading">
      <h3 id="sroi-scope-heading" className="panel-title">
        Scope
      </h3>
      <div className="field-grid">
        {TEXT_FIELDS.map(({ key, label, hint }) => (
          <label key={key} className="field">
            <span>{label}</span>
            <TextCell
              label={`Scope: ${label}`}
              multiline
              placeholder={hint}
              value={scope[key]}
              onChange={(value, phase) => edit(setScope({ [key]: value }), phase)}
              onSettle={settle}
              issues={placed.byCell.get(analysisCell(`scope.${key}`))}
            />
          </label>
        ))}
        <label className="field">
          <span>Kind: what is expected, or what happened</span>
          <select
            value={scope.kind ?? ''}
            onChange={(event) => {
              const value = event.target.value;
              edit(setScope({ kind: value === 'forecast' || value === 'evaluative' ? value : undefined }));
            }}
          >
            <option value="">Not said</option>
            <option value="forecast">Forecast</option>
            <option value="evaluative">Evaluative</option>
          </select>
        </label>
      </div>
    </section>
  );
}
