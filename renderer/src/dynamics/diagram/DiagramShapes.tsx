/**
 * The shapes of a stock-and-flow diagram (Forrester's notation as Stella and Vensim draw it): a stock is a
 * box, a flow a pipe with a bow-tie valve and an arrowhead into the stock it fills (a cloud where it comes
 * from or goes to nothing), an auxiliary a circle (with a curve when it is a graphical function), a link a
 * curved arrow, a ghost a dashed copy. Paths come from geometry.ts; colours from diagram.css.
 */
import { line } from 'd3';
import type {
  AliasNode,
  AuxNode,
  DiagramLink,
  DiagramNode,
  FlowNode,
  Point,
  StockNode,
} from '../../../../model/sd/edit';
import { arrowheadPath, cloudPath, linkGeometry, pipeGeometry, valveAngle, valvePath } from './geometry';
import { LINE_HEIGHT, labelLines, labelPlacement } from './labels';
import { nodeLabel } from './viewport';

const polyline = line<Point>(
  (point) => point.x,
  (point) => point.y,
);

export function NodeLabel({ node }: { readonly node: DiagramNode }) {
  const lines = labelLines(nodeLabel(node));
  const place = labelPlacement(node, lines.length);
  return (
    <text className="sd-label" x={place.x} y={place.y} textAnchor={place.anchor}>
      {lines.map((text, index) => (
        <tspan key={index} x={place.x} dy={index === 0 ? 0 : LINE_HEIGHT}>
          {text}
        </tspan>
      ))}
    </text>
  );
}

export function StockShape({ node }: { readonly node: StockNode | AliasNode }) {
  const width = node.kind === 'stock' ? node.width : 45;
  const height = node.kind === 'stock' ? node.height : 35;
  return (
    <>
      <rect
        className="sd-hit"
        x={node.x - width / 2 - 5}
        y={node.y - height / 2 - 5}
        width={width + 10}
        height={height + 10}
        rx={5}
      />
      <rect
        className="sd-stock-box"
        x={node.x - width / 2}
        y={node.y - height / 2}
        width={width}
        height={height}
        rx={2}
      />
    </>
  );
}

export function AuxShape({ node }: { readonly node: AuxNode | AliasNode }) {
  const radius = node.kind === 'aux' ? node.radius : 9;
  const graphical = node.kind === 'aux' && node.graphical;
  const r = radius * 0.55;
  return (
    <>
      <circle className="sd-hit" cx={node.x} cy={node.y} r={radius + 5} />
      <circle className="sd-aux-circle" cx={node.x} cy={node.y} r={radius} />
      {graphical ? (
        <path
          className="sd-graphical-mark"
          d={`M${node.x - r},${node.y + r * 0.6}C${node.x - r * 0.2},${node.y + r * 0.6} ${node.x},${node.y - r * 0.9} ${node.x + r},${node.y - r * 0.6}`}
        >
          <title>Graphical function</title>
        </path>
      ) : null}
    </>
  );
}

/** A flow's valve, clickable; its pipe is drawn by FlowPipe underneath everything else. */
export function ValveShape({ node }: { readonly node: FlowNode | AliasNode }) {
  const angle = node.kind === 'flow' ? valveAngle(node) : 0;
  return (
    <>
      <circle className="sd-hit" cx={node.x} cy={node.y} r={14} />
      <path className="sd-valve" d={valvePath(node, angle)} />
    </>
  );
}

export function FlowPipe({
  node,
  stocks,
  className,
}: {
  readonly node: FlowNode;
  readonly stocks: ReadonlyMap<string, StockNode>;
  readonly className: string;
}) {
  const pipe = pipeGeometry(node, stocks);
  const d = polyline(pipe.points) ?? '';
  return (
    <g className={`sd-pipe ${className}`} data-flow={node.id}>
      <path className="sd-pipe-outer" d={d} />
      <path className="sd-pipe-inner" d={d} />
      <path className="sd-pipe-arrow" d={arrowheadPath(pipe.arrow.tip, pipe.arrow.angle, 8)} />
      {pipe.sourceCloud === undefined ? null : <path className="sd-cloud" d={cloudPath(pipe.sourceCloud)} />}
      {pipe.sinkCloud === undefined ? null : <path className="sd-cloud" d={cloudPath(pipe.sinkCloud)} />}
    </g>
  );
}

export function LinkArrow({
  link,
  from,
  to,
  className,
}: {
  readonly link: DiagramLink;
  readonly from: DiagramNode;
  readonly to: DiagramNode;
  readonly className: string;
}) {
  const geometry = linkGeometry(from, to, link.angle);
  return (
    <g className={`sd-link ${className}`} data-link={link.id}>
      <path className="sd-link-line" d={geometry.path} />
      <path className="sd-link-arrow" d={arrowheadPath(geometry.tip, geometry.angle)} />
    </g>
  );
}

/** The shape of a variable or ghost, without its label. */
export function NodeShape({ node }: { readonly node: DiagramNode }) {
  if (node.kind === 'stock' || (node.kind === 'alias' && node.ofKind === 'stock'))
    return <StockShape node={node} />;
  if (node.kind === 'aux' || (node.kind === 'alias' && node.ofKind === 'aux'))
    return <AuxShape node={node} />;
  return <ValveShape node={node} />;
}
