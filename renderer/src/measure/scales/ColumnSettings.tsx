import { useId, useState } from 'react';
import type { ScoringKey } from '../../../../model/measure';
import type { DataTable } from '../../../../model/stats/data-table';
import type { SurveySettings } from '../../../../electron/api/contract';
import { missingRuleWords } from './scales-words';
import {
  DEFAULT_MAX_MISSING_SHARE,
  defaultColumnOf,
  explicitColumns,
  withItemColumn,
} from './survey-settings';

type LabelField = 'idColumn' | 'teamColumn' | 'waveColumn';

const LABEL_FIELDS: readonly { readonly field: LabelField; readonly label: string; readonly help: string }[] =
  [
    { field: 'teamColumn', label: 'Team column', help: 'Team figures are summarized by its values.' },
    {
      field: 'waveColumn',
      label: 'Wave column',
      help: 'Before and after (or survey rounds), within each team.',
    },
    {
      field: 'idColumn',
      label: 'Respondent id column',
      help: 'Shown with per-person scores, when those are allowed.',
    },
  ];

/**
 * Which columns hold the team, the wave and the respondent's id, the missing-answer rule in numbers and in words,
 * and each item's column (by default the column named as the item, as the CLI finds it).
 */
export function ColumnSettings({
  settings,
  table,
  keyForItems,
  onChange,
}: {
  readonly settings: SurveySettings;
  readonly table: DataTable;
  /** The scoring key, or null while it is not valid (no item mapping then). */
  readonly keyForItems: ScoringKey | null;
  readonly onChange: (update: (previous: SurveySettings) => SurveySettings) => void;
}) {
  const ids = { missing: useId(), missingHelp: useId() };
  const share = settings.maxMissingShare ?? keyForItems?.maxMissingShare ?? DEFAULT_MAX_MISSING_SHARE;
  const [missingDraft, setMissingDraft] = useState(String(Math.round(share * 1000) / 10));
  const [missingError, setMissingError] = useState<string | undefined>();

  const setLabel = (field: LabelField, column: string) =>
    onChange((previous) => {
      const { [field]: _dropped, ...rest } = previous;
      return column === '' ? rest : { ...rest, [field]: column };
    });

  const applyMissing = (text: string) => {
    setMissingDraft(text);
    const percent = Number(text);
    if (text.trim() === '' || !Number.isFinite(percent) || percent < 0 || percent >= 100) {
      setMissingError('The share of items that may be unanswered is a percentage from 0 to below 100.');
      return;
    }
    setMissingError(undefined);
    onChange((previous) => ({ ...previous, maxMissingShare: percent / 100 }));
  };

  const explicit = keyForItems === null ? {} : explicitColumns(settings, keyForItems, table.columns);
  const mappedCount = keyForItems === null ? 0 : Object.keys(explicit).length;
  const unmapped =
    keyForItems === null
      ? 0
      : keyForItems.items.filter(
          (item) => explicit[item] === undefined && defaultColumnOf(table, keyForItems, item) === undefined,
        ).length;

  return (
    <div className="column-settings">
      <div className="field-grid">
        {LABEL_FIELDS.map(({ field, label, help }) => (
          <label key={field} title={help}>
            <span>{label}</span>
            <select value={settings[field] ?? ''} onChange={(event) => setLabel(field, event.target.value)}>
              <option value="">(none)</option>
              {table.columns.map((column) => (
                <option key={column} value={column}>
                  {column}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label htmlFor={ids.missing}>
          <span>Unanswered items allowed per subscale (%)</span>
          <input
            id={ids.missing}
            className="narrow"
            inputMode="decimal"
            aria-describedby={ids.missingHelp}
            value={missingDraft}
            onChange={(event) => applyMissing(event.target.value)}
          />
        </label>
      </div>
      {missingError !== undefined ? (
        <p className="form-error" role="alert">
          {missingError}
        </p>
      ) : null}
      <p id={ids.missingHelp} className="muted small" data-testid="missing-rule">
        {keyForItems === null ? '' : missingRuleWords(keyForItems)}
      </p>
      {keyForItems !== null ? (
        <details className="item-columns">
          <summary>
            Item columns ({keyForItems.items.length} items
            {unmapped > 0
              ? `, ${unmapped} without a column`
              : mappedCount > 0
                ? `, ${mappedCount} mapped by hand`
                : ', all found by their names'}
            )
          </summary>
          <p className="muted small">
            By default an item’s column is the one named as the item (“3”, “{keyForItems.id.toUpperCase()}3”,
            “Item 3”, “Q3”, ignoring case and separators). Item texts are not shipped: check the numbering
            against your copy of the questionnaire.
          </p>
          <div className="tick-grid item-grid">
            {keyForItems.items.map((item) => {
              const found = defaultColumnOf(table, keyForItems, item);
              const value = explicit[item] ?? found ?? '';
              return (
                <label key={item}>
                  <span>Item {item}</span>
                  <select
                    value={value}
                    className={value === '' ? 'unmapped' : undefined}
                    onChange={(event) =>
                      onChange((previous) =>
                        withItemColumn(previous, table, keyForItems, item, event.target.value),
                      )
                    }
                  >
                    <option value="">(no column)</option>
                    {table.columns.map((column) => (
                      <option key={column} value={column}>
                        {column}
                      </option>
                    ))}
                  </select>
                </label>
              );
            })}
          </div>
        </details>
      ) : null}
    </div>
  );
}
