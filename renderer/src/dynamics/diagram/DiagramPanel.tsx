/**
 * The Diagram panel: the model's stock-and-flow diagram (from its XMILE view, or laid out automatically),
 * with pan and zoom, selection shared with the inspector, dragging, adding and deleting variables.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { canonicalName } from '../../../../model/sd';
import { diagramOf, type NewVariableKind } from '../../../../model/sd/edit';
import { useDynamics } from '../session/dynamics-context';
import { AddMenu } from './AddMenu';
import { DeleteVariableDialog } from './DeleteVariableDialog';
import { DiagramCanvas } from './DiagramCanvas';
import './diagram.css';
import { useDiagramZoom } from './use-diagram-zoom';
import { useVariableActions } from './use-variable-actions';
import { diagramBounds, freeSpotNear, toDiagram } from './viewport';

const ZOOM_STEP = 1.25;
const NOTHING: ReadonlySet<string> = new Set();

export function DiagramPanel({
  highlighted = NOTHING,
}: {
  /** Names of variables to emphasise, with the links between them (a feedback loop). */
  readonly highlighted?: ReadonlySet<string>;
}) {
  const { session, selected, select } = useDynamics();
  const diagram = useMemo(() => diagramOf(session.document), [session.document]);
  const bounds = useMemo(() => diagramBounds(diagram), [diagram]);
  const svgRef = useRef<SVGSVGElement>(null);
  const { transform, fit, zoomBy } = useDiagramZoom(svgRef, bounds);
  const actions = useVariableActions();
  const [pendingDelete, setPendingDelete] = useState<string | undefined>();

  // Show the whole model when it opens (the panel is created once per open model).
  useEffect(() => fit(), [fit]);

  const highlightedIds = useMemo(() => new Set([...highlighted].map(canonicalName)), [highlighted]);
  const errorIds = useMemo(() => {
    const compile = session.compile;
    if (compile.status !== 'failed') return NOTHING;
    return new Set(
      compile.errors
        .flatMap((error) => [error.variable ?? '', ...(error.members ?? [])])
        .filter((name) => name !== '')
        .map(canonicalName),
    );
  }, [session.compile]);

  const addInView = (kind: NewVariableKind) => {
    const svg = svgRef.current;
    const middle =
      svg === null
        ? { x: 0, y: 0 }
        : toDiagram(transform, { x: svg.clientWidth / 2, y: svg.clientHeight / 2 });
    actions.add(kind, freeSpotNear(diagram, middle));
  };

  return (
    <section className="panel diagram-panel" aria-label="Diagram">
      <div className="diagram-toolbar">
        <h2 className="panel-title">Diagram</h2>
        <AddMenu onAdd={addInView} />
        <span className="toolbar-spacer" />
        <button type="button" aria-label="Zoom out" title="Zoom out" onClick={() => zoomBy(1 / ZOOM_STEP)}>
          −
        </button>
        <button type="button" aria-label="Zoom in" title="Zoom in" onClick={() => zoomBy(ZOOM_STEP)}>
          +
        </button>
        <button type="button" onClick={fit} title="Show the whole diagram">
          Fit
        </button>
      </div>
      <div className="diagram-frame">
        <DiagramCanvas
          diagram={diagram}
          svgRef={svgRef}
          transform={transform}
          selectedId={selected === undefined ? undefined : canonicalName(selected)}
          highlighted={highlightedIds}
          errorIds={errorIds}
          onSelect={select}
          onMove={actions.move}
          onRequestDelete={setPendingDelete}
        />
        {diagram.nodes.length === 0 ? (
          <p className="diagram-empty muted">
            This model has no variables yet. Use Add to place a stock, a flow or an auxiliary.
          </p>
        ) : null}
      </div>
      <p className="muted small diagram-hint">
        {diagram.layout === 'view'
          ? 'Drag to pan, scroll to zoom; drag a variable to move it, Tab to reach it from the keyboard.'
          : 'Laid out automatically: drag a variable to arrange it; positions are saved with the model.'}
      </p>
      <DeleteVariableDialog
        name={pendingDelete}
        onCancel={() => setPendingDelete(undefined)}
        onConfirm={(name) => {
          setPendingDelete(undefined);
          actions.remove(name);
        }}
      />
    </section>
  );
}
