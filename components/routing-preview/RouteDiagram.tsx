// The message's path as boxes and arrows (plain HTML and CSS). Screen readers get one sentence,
// the figure's label; the boxes themselves are presentation.
import type { RoutingResult } from '@/lib/core/routing/types';
import { buildDiagram } from './describe';

export function RouteDiagram({ result }: { result: RoutingResult }) {
  const { nodes, description } = buildDiagram(result);
  return (
    <figure className="route-diagram" role="img" aria-label={description}>
      {nodes.map((node, index) => (
        <div key={index} className="route-hop">
          {index > 0 && (
            <div className={`route-arrow${node.via.length ? ' rerouted' : ''}`}>
              {node.via.map((label) => (
                <span key={label} className="route-arrow-label">
                  {label}
                </span>
              ))}
            </div>
          )}
          <div className={`route-node stage-${node.stage}${node.final ? ` final verdict-${result.verdict}` : ''}`}>
            <span className="route-node-label">{node.label}</span>
            <span className="route-node-detail">{node.detail}</span>
          </div>
        </div>
      ))}
    </figure>
  );
}
