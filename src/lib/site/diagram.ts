/**
 * Geometry for the data-flow diagrams drawn from scenario data: box centres, the point where a
 * line from one box to another leaves each box, and a label position. Pure, so it is testable.
 */

export const BOX = { width: 170, height: 64 };

export interface Box {
  x: number;
  y: number;
}

export interface Point {
  x: number;
  y: number;
}

export function centre(box: Box): Point {
  return { x: box.x + BOX.width / 2, y: box.y + BOX.height / 2 };
}

/** Where the segment from the centre of `box` towards `toward` crosses the box's border. */
export function exitPoint(box: Box, toward: Point): Point {
  const c = centre(box);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Infinity : BOX.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : BOX.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

/**
 * The visible part of a flow: from the edge of one box to the edge of the other, nudged sideways
 * when two flows share a pair of boxes, with its label `labelAt` of the way along.
 */
export function flowLine(
  from: Box,
  to: Box,
  offset = 0,
  labelAt = 0.5,
): { start: Point; end: Point; mid: Point; angle: number } {
  const a = centre(from);
  const b = centre(to);
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const nx = (-(b.y - a.y) / length) * offset;
  const ny = ((b.x - a.x) / length) * offset;
  const start = exitPoint(from, { x: b.x, y: b.y });
  const end = exitPoint(to, { x: a.x, y: a.y });
  const s = { x: start.x + nx, y: start.y + ny };
  const e = { x: end.x + nx, y: end.y + ny };
  return {
    start: s,
    end: e,
    mid: { x: s.x + (e.x - s.x) * labelAt, y: s.y + (e.y - s.y) * labelAt },
    angle: Math.atan2(e.y - s.y, e.x - s.x),
  };
}

/** Bounding rectangle around boxes, with padding: a trust zone's background. */
export function zoneRect(boxes: readonly Box[], padding = 18): { x: number; y: number; width: number; height: number } {
  const xs = boxes.map((b) => b.x);
  const ys = boxes.map((b) => b.y);
  const x = Math.min(...xs) - padding;
  const y = Math.min(...ys) - padding - 16;
  return { x, y, width: Math.max(...xs) + BOX.width + padding - x, height: Math.max(...ys) + BOX.height + padding - y };
}
