import { useEffect, useState } from 'react';
import type { ConjointStudyRecord, EstimationKind, LinkableFigure } from '../../../../electron/api/contract';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { errorText, formatValue } from '../format';

/**
 * How a willingness to pay reaches the Dynamics model: the link is made in a scenario of the model (Dynamics,
 * Scenarios panel), where these figures are offered; the scenario records the study and the figure, and takes
 * the current value whenever it runs. The dialog lists the study's figures as the Dynamics side will see them.
 */
export function LinkToModel({
  record,
  kind,
  open,
  onClose,
}: {
  readonly record: ConjointStudyRecord;
  readonly kind: EstimationKind;
  readonly open: boolean;
  readonly onClose: () => void;
}) {
  const [figures, setFigures] = useState<readonly LinkableFigure[] | string | undefined>();
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    call('links.figures', { projectId: record.projectId }).then(
      (all) => {
        if (!cancelled)
          setFigures(
            all.filter(
              (figure) => figure.documentId === record.id && figure.figure.startsWith(`wtp.${kind}.`),
            ),
          );
      },
      (error: unknown) => {
        if (!cancelled) setFigures(errorText(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [open, record.projectId, record.id, record.updatedAt, kind]);

  return (
    <Dialog title="Link to the model" open={open} onClose={onClose}>
      <p>
        A willingness to pay can set a constant of the Dynamics model, such as the price premium customers
        accept for empathetic service. Make the link in <strong>Dynamics → Scenarios</strong>: link a constant
        to one of the figures below. The scenario records the study and the figure, and uses the value saved
        here each time it runs, so re-estimating the study updates the scenario.
      </p>
      {typeof figures === 'string' ? (
        <p className="form-error">{figures}</p>
      ) : figures === undefined ? (
        <p className="muted">Loading the figures…</p>
      ) : (
        <ul className="figure-list">
          {figures.map((figure) => (
            <li key={figure.figure}>
              <span>{figure.label}</span>{' '}
              <strong>
                {figure.value === null
                  ? 'no value yet'
                  : `${formatValue(figure.value)} ${figure.units ?? ''}`}
              </strong>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
