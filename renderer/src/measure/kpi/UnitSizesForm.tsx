/**
 * The people in each unit, for the minimum group size (issue 11, point 2) when the KPI file has no `n` column:
 * one whole number per unit, saved whole with the KPI series' settings (KpiSettings.unitSizes) or not at all.
 */
import { useState, type FormEvent } from 'react';
import { parseNumberCell } from '../../../../model/stats/data-table';

interface UnitSizesFormProps {
  readonly units: readonly string[];
  /** The sizes known now (saved, or from the file's `n`). */
  readonly sizes: ReadonlyMap<string, number>;
  /** Units whose size comes from the file's `n` column (shown, not edited). */
  readonly fromFile: ReadonlySet<string>;
  readonly minGroupSize: number;
  /** Saves the sizes typed (units left empty are not saved); throws the backend's message. */
  readonly onSave: (sizes: Record<string, number>) => Promise<void>;
  /** Why the sizes cannot be saved (no KPI series to hold them), or undefined. */
  readonly cannotSave: string | undefined;
}

export function UnitSizesForm({
  units,
  sizes,
  fromFile,
  minGroupSize,
  onSave,
  cannotSave,
}: UnitSizesFormProps) {
  const [typed, setTyped] = useState<Record<string, string>>(() =>
    Object.fromEntries(units.map((unit) => [unit, sizes.has(unit) ? String(sizes.get(unit)) : ''])),
  );
  const [problem, setProblem] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const problems = new Map<string, string>();
  const values: Record<string, number> = {};
  for (const unit of units) {
    if (fromFile.has(unit)) continue;
    const text = (typed[unit] ?? '').trim();
    if (text === '') continue;
    const value = parseNumberCell(text);
    if (value === undefined || !Number.isInteger(value) || value < 0)
      problems.set(unit, `${unit}: "${text}" is not a whole number of people`);
    else values[unit] = value;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problems.size > 0 || cannotSave !== undefined) return;
    setSaving(true);
    setProblem(undefined);
    setSaved(false);
    try {
      await onSave(values);
      setSaved(true);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="kpi-sizes" onSubmit={(event) => void submit(event)} aria-label="Unit sizes">
      <p className="muted small">
        The number of people in each unit. A unit with fewer than {minGroupSize} people is hidden from the
        chart, the table and the export; the check needs each unit’s size.
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Unit</th>
            <th scope="col">People</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit}>
              <th scope="row">{unit}</th>
              <td>
                {fromFile.has(unit) ? (
                  <span className="muted">{sizes.get(unit)} (from the file’s n)</span>
                ) : (
                  <input
                    className="kpi-size-input"
                    inputMode="numeric"
                    aria-label={`People in ${unit}`}
                    aria-invalid={problems.has(unit)}
                    value={typed[unit] ?? ''}
                    onChange={(event) => {
                      setSaved(false);
                      setTyped({ ...typed, [unit]: event.target.value });
                    }}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {[...problems.values()].map((text) => (
        <p key={text} className="form-error small" role="alert">
          {text}
        </p>
      ))}
      {problem === undefined ? null : (
        <p className="form-error small" role="alert">
          {problem}
        </p>
      )}
      {cannotSave === undefined ? null : <p className="muted small">{cannotSave}</p>}
      <div className="view-actions">
        <button
          type="submit"
          className="primary"
          disabled={saving || problems.size > 0 || cannotSave !== undefined}
        >
          {saving ? 'Saving…' : 'Save unit sizes'}
        </button>
        {saved ? (
          <span className="muted small" role="status">
            Saved.
          </span>
        ) : null}
      </div>
    </form>
  );
}
