import { useId } from 'react';
import { DEFAULT_DISCOUNT_RATE } from '../../../../model/sroi';
import { setAnalysisFields } from '../session/analysis-edits';
import { useSroi } from '../session/sroi-context';
import { analysisCell } from './cell-issues';
import { NumberCell, TextCell } from './cells';
import { ImpactMapTable } from './ImpactMapTable';
import { InputsTable } from './InputsTable';
import { ScopeSection } from './ScopeSection';
import { StakeholdersTable } from './StakeholdersTable';

/** Currencies offered first; any ISO 4217 code can be typed (the schema checks three capital letters). */
const CURRENCIES = [
  'GBP',
  'EUR',
  'USD',
  'CAD',
  'AUD',
  'NZD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'JPY',
  'INR',
  'ZAR',
];

/**
 * The analysis editor (issue 8, point 1): the impact map first (Guide stages 2 to 4, where most of the work is),
 * then the inputs (2.2), the discount rate and currency (5.2), the stakeholders and the scope (stage 1). Every
 * cell shows its issues next to it.
 */
export function AnalysisEditor() {
  const { session, placed } = useSroi();
  const { document, edit, settle } = session;
  const currencyList = useId();
  return (
    <div className="sroi-editor">
      {placed.general.length > 0 ? (
        <div className="banner warning" role="status">
          <ul>
            {placed.general.map((issue) => (
              <li key={issue.message}>{issue.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ImpactMapTable />
      <InputsTable />
      <section className="panel sroi-section" aria-labelledby="sroi-analysis-heading">
        <h3 id="sroi-analysis-heading" className="panel-title">
          Analysis
        </h3>
        <div className="field-grid">
          <label className="field wide">
            <span>Description</span>
            <TextCell
              label="Description"
              multiline
              value={document.description}
              onChange={(value, phase) => edit(setAnalysisFields({ description: value }), phase)}
              onSettle={settle}
              issues={placed.byCell.get(analysisCell('description'))}
            />
          </label>
          <label className="field">
            <span>Currency (ISO 4217)</span>
            <TextCell
              label="Currency"
              list={currencyList}
              value={document.currency}
              placeholder="none"
              onChange={(value, phase) => {
                const code = value?.trim().toUpperCase();
                // Only a code the schema reads is saved; the cell keeps anything else with its message.
                if (code === undefined || /^[A-Z]{3}$/.test(code))
                  edit(setAnalysisFields({ currency: code }), phase);
              }}
              onSettle={settle}
              issues={placed.byCell.get(analysisCell('currency'))}
            />
            <datalist id={currencyList}>
              {CURRENCIES.map((code) => (
                <option key={code} value={code} />
              ))}
            </datalist>
          </label>
          <div className="field">
            <span id="sroi-discount-label">Discount rate</span>
            <NumberCell
              label="Discount rate"
              percent
              value={document.discountRate}
              onChange={(value, phase) => edit(setAnalysisFields({ discountRate: value }), phase)}
              onSettle={settle}
              issues={placed.byCell.get(analysisCell('discountRate'))}
            />
            <span className="muted small">
              {document.discountRate === DEFAULT_DISCOUNT_RATE
                ? 'HM Treasury Green Book rate (3.5% a year).'
                : 'The Green Book rate is 3.5% a year.'}
            </span>
          </div>
        </div>
      </section>
      <StakeholdersTable />
      <ScopeSection />
    </div>
  );
}
