/**
 * The diagram's `<svg>`: groups and notes behind, then pipes, links, and the variables on top. Every variable
 * is a focusable button (Enter selects it, Delete asks to delete it, arrow keys nudge it); a click selects,
 * a drag moves (a preview while dragging, one commit on release, so one undo step). The shapes are drawn
 * once per change of the diagram or selection; panning and zooming only change the transform around them.
 */
import {
  memo,
  useEffect,
  useMemo,
  useRef,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
} from 'react';
import type { Diagram, DiagramNode, Point, StockNode } from '../../../../model/sd/edit';
import type { ChangePhase } from '../session/use-dynamics-session';
import { FlowPipe, LinkArrow, NodeLabel, NodeShape } from './DiagramShapes';
import { nodeLabel, type ViewTransform } from './viewport';

/** How far (in screen pixels) a press must travel to become a drag rather than a click. */
const DRAG_THRESHOLD = 3;
/** How far the arrow keys nudge a variable (Shift: further). */
const NUDGE = 10;

const KIND_LABELS: Readonly<Record<DiagramNode['kind'], string>> = {
  stock: 'Stock',
  flow: 'Flow',
  aux: 'Auxiliary',
  alias: 'Ghost of',
};

/** The variable a node stands for (a ghost stands for its original). */
const variableOf = (node: DiagramNode): { id: string; name: string } =>
  node.kind === 'alias' ? { id: node.of, name: node.ofName } : { id: node.id, name: node.name };

export interface DiagramCanvasProps {
  readonly diagram: Diagram;
  readonly svgRef: RefObject<SVGSVGElement | null>;
  readonly transform: ViewTransform;
  readonly selectedId: string | undefined;
  /** Canonical names of variables to emphasise (a feedback loop); links between two of them too. */
  readonly highlighted: ReadonlySet<string>;
  /** Canonical names of variables whose equations do not compile. */
  readonly errorIds: ReadonlySet<string>;
  readonly onSelect: (name: string | undefined) => void;
  readonly onMove: (nodeId: string, to: Point, phase: ChangePhase) => void;
  readonly onRequestDelete: (name: string) => void;
}

interface DragState {
  readonly node: DiagramNode;
  readonly pointerId: number;
  readonly startClient: Point;
  moved: boolean;
  last: Point;
}

interface NodeHandlers {
  readonly pointerDown: (event: PointerEvent<SVGGElement>, node: DiagramNode) => void;
  readonly pointerMove: (event: PointerEvent<SVGGElement>) => void;
  readonly pointerEnd: (event: PointerEvent<SVGGElement>) => void;
  readonly keyDown: (event: KeyboardEvent<SVGGElement>, node: DiagramNode) => void;
}

export function DiagramCanvas({
  diagram,
  svgRef,
  transform,
  selectedId,
  highlighted,
  errorIds,
  onSelect,
  onMove,
  onRequestDelete,
}: DiagramCanvasProps) {
  const drag = useRef<DragState | null>(null);
  // The zoom scale, read by the drag handlers so that they need not change (and redraw every shape) on zoom.
  const scale = useRef(transform.k);
  useEffect(() => {
    scale.current = transform.k;
  }, [transform.k]);

  const handlers = useMemo<NodeHandlers>(
    () => ({
      pointerDown: (event, node) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = {
          node,
          pointerId: event.pointerId,
          startClient: { x: event.clientX, y: event.clientY },
          moved: false,
          last: { x: node.x, y: node.y },
        };
      },
      pointerMove: (event) => {
        const state = drag.current;
        if (state === null || state.pointerId !== event.pointerId) return;
        const dx = event.clientX - state.startClient.x;
        const dy = event.clientY - state.startClient.y;
        if (!state.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        state.moved = true;
        state.last = { x: state.node.x + dx / scale.current, y: state.node.y + dy / scale.current };
        onMove(state.node.id, state.last, 'preview');
      },
      pointerEnd: (event) => {
        const state = drag.current;
        if (state === null || state.pointerId !== event.pointerId) return;
        drag.current = null;
        if (state.moved) onMove(state.node.id, state.last, 'commit');
        else if (event.type === 'pointerup') onSelect(variableOf(state.node).name);
      },
      keyDown: (event, node) => {
        const step = event.shiftKey ? NUDGE * 5 : NUDGE;
        const nudges: Readonly<Record<string, Point>> = {
          ArrowLeft: { x: -step, y: 0 },
          ArrowRight: { x: step, y: 0 },
          ArrowUp: { x: 0, y: -step },
          ArrowDown: { x: 0, y: step },
        };
        const nudge = nudges[event.key];
        if (event.key === 'Enter' || event.key === ' ') onSelect(variableOf(node).name);
        else if (event.key === 'Delete' || event.key === 'Backspace') onRequestDelete(variableOf(node).name);
        else if (nudge !== undefined) onMove(node.id, { x: node.x + nudge.x, y: node.y + nudge.y }, 'commit');
        else return;
        event.preventDefault();
      },
    }),
    [onMove, onSelect, onRequestDelete],
  );

  return (
    <svg
      ref={svgRef}
      className="sd-canvas"
      role="group"
      aria-label="Stock-and-flow diagram"
      onClick={(event) => {
        if (!(event.target instanceof Element) || event.target.closest('.sd-node') === null)
          onSelect(undefined);
      }}
    >
      <g transform={`translate(${transform.x},${transform.y}) scale(${transform.k})`}>
        <DiagramContent
          diagram={diagram}
          selectedId={selectedId}
          highlighted={highlighted}
          errorIds={errorIds}
          handlers={handlers}
        />
      </g>
    </svg>
  );
}

const DiagramContent = memo(function DiagramContent({
  diagram,
  selectedId,
  highlighted,
  errorIds,
  handlers,
}: {
  readonly diagram: Diagram;
  readonly selectedId: string | undefined;
  readonly highlighted: ReadonlySet<string>;
  readonly errorIds: ReadonlySet<string>;
  readonly handlers: NodeHandlers;
}) {
  const byId = useMemo(() => new Map(diagram.nodes.map((node) => [node.id, node])), [diagram]);
  const stocks = useMemo(
    () =>
      new Map(
        diagram.nodes
          .filter((node): node is StockNode => node.kind === 'stock')
          .map((node) => [node.id, node]),
      ),
    [diagram],
  );
  const lit = (id: string) => highlighted.has(id);
  const stateClass = (id: string) =>
    [selectedId === id ? 'selected' : '', lit(id) ? 'highlighted' : '', errorIds.has(id) ? 'has-error' : '']
      .filter((name) => name !== '')
      .join(' ');
  return (
    <>
      {diagram.groups.map((group, index) => (
        <g key={`group-${index}`} className="sd-group">
          <rect x={group.x} y={group.y} width={group.width} height={group.height} rx={6} />
          <text x={group.x + 8} y={group.y + 16}>
            {group.name}
          </text>
        </g>
      ))}
      {diagram.notes.map((note, index) => (
        <text key={`note-${index}`} className="sd-note" x={note.x} y={note.y + 14}>
          {note.text}
        </text>
      ))}
      {diagram.nodes.map((node) =>
        node.kind === 'flow' ? (
          <FlowPipe key={`pipe-${node.id}`} node={node} stocks={stocks} className={stateClass(node.id)} />
        ) : null,
      )}
      {diagram.links.map((link) => {
        const from = byId.get(link.from);
        const to = byId.get(link.to);
        if (from === undefined || to === undefined) return null;
        const loop = lit(variableOf(from).id) && lit(to.id) ? 'highlighted' : '';
        const touching =
          selectedId !== undefined && (variableOf(from).id === selectedId || to.id === selectedId);
        return (
          <LinkArrow
            key={link.id}
            link={link}
            from={from}
            to={to}
            className={`${loop} ${touching ? 'touching' : ''}`}
          />
        );
      })}
      {diagram.nodes.map((node) => {
        const variable = variableOf(node);
        const label = nodeLabel(node);
        return (
          <g
            key={node.id}
            className={`sd-node sd-${node.kind === 'alias' ? `alias sd-${node.ofKind}` : node.kind} ${stateClass(variable.id)}`}
            data-variable={variable.id}
            role="button"
            tabIndex={0}
            aria-label={`${KIND_LABELS[node.kind]} ${label}${errorIds.has(variable.id) ? ' (has an error)' : ''}`}
            aria-pressed={selectedId === variable.id}
            onPointerDown={(event) => handlers.pointerDown(event, node)}
            onPointerMove={handlers.pointerMove}
            onPointerUp={handlers.pointerEnd}
            onPointerCancel={handlers.pointerEnd}
            onKeyDown={(event) => handlers.keyDown(event, node)}
          >
            <NodeShape node={node} />
            <NodeLabel node={node} />
          </g>
        );
      })}
    </>
  );
});
