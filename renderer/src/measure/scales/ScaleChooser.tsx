import { useId } from 'react';
import { BUILTIN_SCALES, type ScaleSpec } from '../../../../model/measure';
import type { DataTable } from '../../../../model/stats/data-table';
import type { SurveySettings } from '../../../../electron/api/contract';
import { CustomScaleEditor } from './CustomScaleEditor';
import { IRI_REVERSE_NOTE, QMEE_REVERSE_WHY } from './scales-words';
import { draftCustomSpec, labelColumnsOf, specOf } from './survey-settings';

const SCALE_CHOICES = [
  { value: 'iri', label: 'IRI: Interpersonal Reactivity Index (28 items, 0–4)' },
  { value: 'qmee', label: 'QMEE: Questionnaire Measure of Emotional Empathy (33 items, −4 to +4)' },
  { value: 'custom', label: 'Custom scale' },
] as const;

/** QMEE versions answer −4..+4 (published) or 1..9. */
const QMEE_RANGES = [
  { value: '', label: '−4 to +4 (as published)' },
  { value: '1,9', label: '1 to 9' },
] as const;

/**
 * Which key scores the survey: IRI, QMEE (whose reverse key the user ticks, with the reason said) or a custom
 * scale edited here. Each choice goes straight into the settings, which the tab saves.
 */
export function ScaleChooser({
  settings,
  table,
  onChange,
}: {
  readonly settings: SurveySettings;
  readonly table: DataTable;
  readonly onChange: (update: (previous: SurveySettings) => SurveySettings) => void;
}) {
  const ids = { scale: useId(), range: useId(), reverse: useId() };
  const spec = specOf(settings);

  const choose = (scale: SurveySettings['scale']) =>
    onChange((previous) => {
      // Another key's overrides and column map mean nothing to this one.
      const { reverse: _reverse, range: _range, customSpec, ...rest } = previous;
      const next: SurveySettings = { ...rest, scale, columns: {} };
      if (scale !== 'custom') return next;
      return {
        ...next,
        customSpec: customSpec ?? draftCustomSpec(table, labelColumnsOf(previous, table.columns)),
      };
    });

  return (
    <div className="scale-chooser">
      <div className="field-row">
        <label htmlFor={ids.scale}>Scale</label>
        <select
          id={ids.scale}
          value={settings.scale}
          onChange={(event) => choose(event.target.value as SurveySettings['scale'])}
        >
          {SCALE_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      {spec !== null && settings.scale !== 'custom' ? (
        <p className="muted small">
          {spec.source}
          {settings.scale === 'iri'
            ? ` ${IRI_REVERSE_NOTE} Reverse-keyed: ${(spec.reverse ?? []).join(', ')}.`
            : ''}
        </p>
      ) : null}
      {settings.scale === 'qmee' ? <QmeeKey settings={settings} ids={ids} onChange={onChange} /> : null}
      {settings.scale === 'custom' ? (
        <CustomScaleEditor
          spec={settings.customSpec ?? draftCustomSpec(table, labelColumnsOf(settings, table.columns))}
          onChange={(customSpec) => onChange((previous) => ({ ...previous, customSpec }))}
        />
      ) : null}
    </div>
  );
}

function QmeeKey({
  settings,
  ids,
  onChange,
}: {
  readonly settings: SurveySettings;
  readonly ids: { readonly range: string; readonly reverse: string };
  readonly onChange: (update: (previous: SurveySettings) => SurveySettings) => void;
}) {
  const qmee = BUILTIN_SCALES['qmee'] as ScaleSpec;
  const reverse = new Set(settings.reverse ?? []);
  const toggle = (item: string, on: boolean) =>
    onChange((previous) => {
      const next = new Set(previous.reverse ?? []);
      if (on) next.add(item);
      else next.delete(item);
      return { ...previous, reverse: qmee.items.filter((candidate) => next.has(candidate)) };
    });
  return (
    <>
      <div className="field-row">
        <label htmlFor={ids.range}>Answers</label>
        <select
          id={ids.range}
          value={settings.range === undefined ? '' : settings.range.join(',')}
          onChange={(event) =>
            onChange((previous) => {
              const { range: _range, ...rest } = previous;
              return event.target.value === '' ? rest : { ...rest, range: [1, 9] };
            })
          }
        >
          {QMEE_RANGES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="reverse-ticks" aria-describedby={ids.reverse} data-testid="qmee-reverse">
        <legend>Reverse-keyed items</legend>
        <p id={ids.reverse} className="muted small">
          {QMEE_REVERSE_WHY}
        </p>
        <div className="tick-grid">
          {qmee.items.map((item) => (
            <label key={item}>
              <input
                type="checkbox"
                checked={reverse.has(item)}
                onChange={(event) => toggle(item, event.target.checked)}
              />
              {item}
            </label>
          ))}
        </div>
        {settings.reverse === undefined ? (
          <button
            type="button"
            className="small"
            onClick={() => onChange((previous) => ({ ...previous, reverse: [] }))}
          >
            My copy has no reverse-keyed item
          </button>
        ) : settings.reverse.length === 0 ? (
          <p className="muted small">No item is ticked: every item is scored as answered.</p>
        ) : null}
      </fieldset>
    </>
  );
}
