// The identity chain drawn as SVG: one box per step (source, role hops, the identity AWS sees, the target) and an
// arrow between each with its state, so the hop where a chain broke stands out. Not colour alone: each arrow says
// ok / failed / not tried in words, with a mark and a line style. Every box is reachable with Tab and the arrow keys
// and is named for screen readers with its facts and the state of the step that leads to it.
import { forwardRef, useId, useRef, type KeyboardEvent } from 'react';
import { stateWords, type ChainModel } from './chainModel';
import { layoutChain, type PlacedEdge, type PlacedNode } from './chainLayout';
import { chainStyles, LIVE_PALETTE } from './chainStyles';

const KIND_WORDS = { source: 'Where the credentials come from', hop: 'Role hop', identity: 'The identity AWS sees', target: 'The target' } as const;

export function nodeLabel(model: ChainModel, index: number): string {
  const node = model.nodes[index]!;
  const hops = model.nodes.filter((n) => n.kind === 'hop').length;
  const kind = node.kind === 'hop' ? `Role hop ${node.id.slice(4)} of ${hops}` : KIND_WORDS[node.kind];
  const into = index > 0 ? model.edges[index - 1] : undefined;
  const parts = [`Step ${index + 1} of ${model.nodes.length}. ${kind}: ${node.title}`, ...node.facts];
  if (node.error) parts.push(`Failed: ${node.error.message}`);
  if (into) parts.push(`${into.action} to reach it: ${stateWords(into)}`);
  return `${parts.join('. ')}.`;
}

export const ChainDiagram = forwardRef<SVGSVGElement, { model: ChainModel }>(function ChainDiagram({ model }, ref) {
  const id = useId();
  const layout = layoutChain(model);
  const boxes = useRef<Array<SVGGElement | null>>([]);

  function onKeyDown(event: KeyboardEvent<SVGSVGElement>) {
    const at = boxes.current.findIndex((b) => b === document.activeElement);
    if (at < 0) return;
    const last = model.nodes.length - 1;
    const to =
      event.key === 'ArrowDown' || event.key === 'ArrowRight' ? Math.min(at + 1, last)
      : event.key === 'ArrowUp' || event.key === 'ArrowLeft' ? Math.max(at - 1, 0)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : undefined;
    if (to === undefined) return;
    event.preventDefault();
    boxes.current[to]?.focus();
  }

  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      className="chain-diagram"
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      onKeyDown={onKeyDown}
    >
      <title id={`${id}-title`}>Identity chain</title>
      <desc id={`${id}-desc`}>{model.summary}</desc>
      <style>{chainStyles(LIVE_PALETTE)}</style>
      <rect className="cc-bg" x={0} y={0} width={layout.width} height={layout.height} />
      {layout.edges.map((placed, i) => (
        <Edge key={`e${i}`} placed={placed} />
      ))}
      <g role="list" aria-label="Steps of the identity chain">
        {layout.nodes.map((placed, i) => (
          <Node
            key={placed.node.id}
            placed={placed}
            label={nodeLabel(model, i)}
            ref={(el) => {
              boxes.current[i] = el;
            }}
          />
        ))}
      </g>
    </svg>
  );
});

const Node = forwardRef<SVGGElement, { placed: PlacedNode; label: string }>(function Node({ placed, label }, ref) {
  const { node, x, y, width, height, titleLines, factLines, errorLines } = placed;
  let line = y + 10;
  const text = (className: string, content: string, step: number) => {
    line += step;
    return (
      <text key={`${className}${line}`} className={className} x={x + 12} y={line - 5}>
        {content}
      </text>
    );
  };
  return (
    <g ref={ref} role="listitem" tabIndex={0} aria-label={label} className={`cc-node cc-${node.kind}${node.error ? ' cc-failed' : ''}`} data-node={node.id}>
      <rect x={x} y={y} width={width} height={height} rx={6} />
      {titleLines.map((t) => text('cc-title', t, 20))}
      {factLines.map((t) => text('cc-fact', t, 16))}
      {errorLines.map((t) => text('cc-node-error', t, 16))}
    </g>
  );
});

function Edge({ placed }: { placed: PlacedEdge }) {
  const { edge, x, y1, y2, lines } = placed;
  return (
    <g className={`cc-edge cc-${edge.state}`} data-edge={`${edge.from}->${edge.to}`} data-state={edge.state} aria-hidden="true">
      <line x1={x} y1={y1} x2={x} y2={y2 - 7} />
      <path className="cc-arrow" d={`M ${x - 5} ${y2 - 8} L ${x + 5} ${y2 - 8} L ${x} ${y2} Z`} />
      {lines.map((t, i) => (
        <text key={i} className={i === 0 ? 'cc-headline' : 'cc-error'} x={x + 16} y={y1 + 20 + i * 16}>
          {t}
        </text>
      ))}
    </g>
  );
}
