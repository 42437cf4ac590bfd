/**
 * Names on the diagram: shown with spaces for underscores (Stella shows `room_temperature` as "room
 * temperature"), wrapped into short lines, and placed on the side of the shape the view asks for.
 */
import { displayName } from '../../../../model/sd';
import type { DiagramNode } from '../../../../model/sd/edit';
import { VALVE_SIZE } from './geometry';

export const LINE_HEIGHT = 12;
/** Roughly the width of one character of the diagram's 10.5px label font, for bounds and placement. */
export const CHARACTER_WIDTH = 5.8;
const MAX_LINE = 18;

/** A variable's name as people read it. */
export const variableLabel = (name: string): string =>
  displayName(name).replace(/_/g, ' ').replace(/ +/g, ' ').trim();

/** The label broken into lines of at most `max` characters where it has spaces (a long word stays whole). */
export function labelLines(label: string, max = MAX_LINE): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ').filter((part) => part !== '')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= max) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines.length === 0 ? [''] : lines;
}

export interface LabelPlacement {
  readonly x: number;
  /** Baseline of the first line. */
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
}

/** Half the extent of a node's shape, horizontally and vertically. */
export function halfSize(node: DiagramNode): { readonly width: number; readonly height: number } {
  const kind = node.kind === 'alias' ? node.ofKind : node.kind;
  if (kind === 'stock') {
    return node.kind === 'stock'
      ? { width: node.width / 2, height: node.height / 2 }
      : { width: 22.5, height: 17.5 };
  }
  const radius = node.kind === 'aux' ? node.radius : VALVE_SIZE;
  return { width: radius, height: radius };
}

/** Where a node's label goes, for `lineCount` lines. */
export function labelPlacement(node: DiagramNode, lineCount: number): LabelPlacement {
  const half = halfSize(node);
  const block = lineCount * LINE_HEIGHT;
  const ascent = LINE_HEIGHT * 0.8;
  switch (node.labelSide) {
    case 'top':
      return { x: node.x, y: node.y - half.height - 4 - block + ascent, anchor: 'middle' };
    case 'left':
      return { x: node.x - half.width - 5, y: node.y - block / 2 + ascent, anchor: 'end' };
    case 'right':
      return { x: node.x + half.width + 5, y: node.y - block / 2 + ascent, anchor: 'start' };
    case 'center':
      return { x: node.x, y: node.y - block / 2 + ascent, anchor: 'middle' };
    case 'bottom':
      return { x: node.x, y: node.y + half.height + 4 + ascent, anchor: 'middle' };
  }
}

/** The box a label covers, for the diagram's bounds. */
export function labelBox(node: DiagramNode, lines: readonly string[]) {
  const place = labelPlacement(node, lines.length);
  const width = Math.max(...lines.map((line) => line.length)) * CHARACTER_WIDTH;
  const left =
    place.anchor === 'start' ? place.x : place.anchor === 'end' ? place.x - width : place.x - width / 2;
  const top = place.y - LINE_HEIGHT * 0.8;
  return { left, top, right: left + width, bottom: top + lines.length * LINE_HEIGHT };
}
