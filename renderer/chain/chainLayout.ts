// Where each box, arrow and line of text of the chain picture goes: a top-to-bottom column that fits the
// inspector's width. Long ARNs are wrapped (never cut), so the exported image still holds the whole text.
import { stateWords, type ChainEdge, type ChainModel, type ChainNode } from './chainModel';

export const WIDTH = 600;
const MARGIN = 12;
const PAD = 10;
const TITLE_LINE = 20;
const FACT_LINE = 16;
const EDGE_LINE = 16;
/** Characters per line at 12 px: the node's inner width over a monospace glyph (~7.2 px). */
const NODE_CHARS = 76;
const EDGE_CHARS = 68;
const MAX_ERROR_LINES = 4;

export interface PlacedNode {
  node: ChainNode;
  x: number;
  y: number;
  width: number;
  height: number;
  titleLines: string[];
  factLines: string[];
  errorLines: string[];
}

export interface PlacedEdge {
  edge: ChainEdge;
  /** The arrow runs from (x, y1) to (x, y2). */
  x: number;
  y1: number;
  y2: number;
  /** First line is the action and state; then the error, wrapped. */
  lines: string[];
}

export interface ChainLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/** Splits text into lines of at most `max` characters, at spaces or "/" ":" where it can, hard otherwise. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const space = window.lastIndexOf(' ');
    const soft = Math.max(window.lastIndexOf('/'), window.lastIndexOf(':'));
    const cut = space > max / 2 ? space : soft > max / 2 ? soft + 1 : max;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) lines.push(rest);
  return lines;
}

export function edgeHeadline(edge: ChainEdge): string {
  const mark = edge.state === 'ok' ? '✓' : edge.state === 'failed' ? '✗' : '○';
  const words = edge.state === 'failed' ? 'failed' : stateWords(edge);
  return `${mark} ${edge.action}: ${words}`;
}

export function layoutChain(model: ChainModel): ChainLayout {
  const nodes: PlacedNode[] = [];
  const edges: PlacedEdge[] = [];
  const width = WIDTH - 2 * MARGIN;
  let y = MARGIN;
  model.nodes.forEach((node, index) => {
    if (index > 0) {
      const edge = model.edges[index - 1]!;
      const detail = edge.state === 'failed' && edge.error ? wrap(edge.error.message, EDGE_CHARS) : [];
      const clipped = detail.length > MAX_ERROR_LINES ? [...detail.slice(0, MAX_ERROR_LINES - 1), `${detail[MAX_ERROR_LINES - 1]}…`] : detail;
      const lines = [edgeHeadline(edge), ...clipped];
      const height = 16 + lines.length * EDGE_LINE;
      edges.push({ edge, x: MARGIN + 28, y1: y, y2: y + height, lines });
      y += height;
    }
    const titleLines = wrap(node.title, NODE_CHARS - 8);
    const factLines = node.facts.flatMap((f) => wrap(f, NODE_CHARS));
    const errorLines = node.error ? wrap(`✗ ${node.error.message}`, NODE_CHARS) : [];
    const height = 2 * PAD + titleLines.length * TITLE_LINE + (factLines.length + errorLines.length) * FACT_LINE;
    nodes.push({ node, x: MARGIN, y, width, height, titleLines, factLines, errorLines });
    y += height;
  });
  return { width: WIDTH, height: y + MARGIN, nodes, edges };
}
