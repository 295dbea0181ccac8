// Labels on the graph canvas: the selected route's actors are labelled above their discs, and edge labels sit on a
// light halo, so the hop labels along the route stay readable over the actors and edges that crowd it. Other
// actors are labelled beside their discs, as sigma does.
import type { Attributes } from 'graphology-types';
import { drawDiscNodeLabel, drawStraightEdgeLabel } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import { COLORS } from './graph-style.js';

/** What a node label drawer gets: sigma's display data, with our `labelAbove` flag from the node reducer. */
type NodeLabelData = Parameters<typeof drawDiscNodeLabel>[1] & { labelAbove?: boolean };
/** What an edge label drawer gets. */
type EdgeLabelData = Parameters<typeof drawStraightEdgeLabel>[1];
type Ends = Parameters<typeof drawStraightEdgeLabel>[2];

const HALO = 'rgba(255, 255, 255, 0.85)';
/** Text is darker than the line it labels (the route's orange is too light for small text). */
const TEXT_OF: Record<string, string> = { [COLORS.path]: '#b8400b', [COLORS.otherPath]: '#8a5a00' };

/** Draws one node label (sigma's `defaultDrawNodeLabel`). */
export function drawNodeLabel<N extends Attributes, E extends Attributes, G extends Attributes>(
  context: CanvasRenderingContext2D,
  data: NodeLabelData,
  settings: Settings<N, E, G>,
): void {
  if (!data.label) return;
  if (data.labelAbove !== true) {
    drawDiscNodeLabel(context, data, settings);
    return;
  }
  const size = settings.labelSize + 1;
  context.font = `600 ${size}px ${settings.labelFont}`;
  const width = context.measureText(data.label).width;
  const x = data.x - width / 2;
  const baseline = data.y - data.size - 5;
  context.fillStyle = HALO;
  context.fillRect(x - 3, baseline - size, width + 6, size + 4);
  context.fillStyle = '#212529';
  context.fillText(data.label, x, baseline);
}

/**
 * Draws one edge label (sigma's `defaultDrawEdgeLabel`): as sigma does (along the edge, below it, cut with an
 * ellipsis to the edge's length), on a halo.
 */
export function drawEdgeLabel<N extends Attributes, E extends Attributes, G extends Attributes>(
  context: CanvasRenderingContext2D,
  edge: EdgeLabelData,
  source: Ends,
  target: Ends,
  settings: Settings<N, E, G>,
): void {
  let label = edge.label;
  if (!label) return;
  const size = settings.edgeLabelSize;
  context.font = `${settings.edgeLabelWeight} ${size}px ${settings.edgeLabelFont}`;
  let dx = target.x - source.x;
  let dy = target.y - source.y;
  let d = Math.hypot(dx, dy);
  if (d < source.size + target.size) return;
  const sx = source.x + (dx * source.size) / d;
  const sy = source.y + (dy * source.size) / d;
  const tx = target.x - (dx * target.size) / d;
  const ty = target.y - (dy * target.size) / d;
  dx = tx - sx;
  dy = ty - sy;
  d = Math.hypot(dx, dy);
  let width = context.measureText(label).width;
  if (width > d) {
    label = `${label}…`;
    while (width > d && label.length > 1) {
      label = `${label.slice(0, -2)}…`;
      width = context.measureText(label).width;
    }
    if (label.length < 4) return;
  }
  // Upright text whichever way the edge runs.
  let angle = Math.atan2(dy, dx);
  if (angle > Math.PI / 2) angle -= Math.PI;
  else if (angle < -Math.PI / 2) angle += Math.PI;
  context.save();
  context.translate((sx + tx) / 2, (sy + ty) / 2);
  context.rotate(angle);
  const top = edge.size / 2 + 2;
  context.fillStyle = HALO;
  context.fillRect(-width / 2 - 2, top, width + 4, size + 3);
  context.fillStyle = TEXT_OF[edge.color] ?? (edge.color || '#000');
  context.fillText(label, -width / 2, top + size);
  context.restore();
}
