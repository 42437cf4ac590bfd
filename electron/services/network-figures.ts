/**
 * The figures a network offers to the Dynamics model (see figures.ts): for every wave, the whole-graph figures
 * of model/network/compare.ts (density, reciprocity, transitivity, average clustering, mean support received,
 * share of one-way ties, modularity, share of cross-team ties), keyed `<wave>.<figure>` ("after.reciprocity");
 * and the same figures of the network's last wave under `latest.<figure>`, so a scenario bound to the latest
 * wave follows when a new wave is imported. A figure that cannot apply (reciprocity of undirected ties) is not
 * offered; one the data leave undefined (cross-team ties without teams) is offered with a null value.
 *
 * The figures of a wave are computed once per saved version of it (wave id and updatedAt), since a Dynamics
 * view asks for them whenever it opens a scenario.
 */
import { GRAPH_FIGURES, graphFigures, type GraphFigures } from '../../model/network/compare';
import { graphOfTies } from '../../model/network/formats';
import type { LinkableFigure } from '../../model/schema/figure';
import type { NetworkDocument, NetworkWave } from '../store/network-document';
import type { FigureProvider } from './figures';
import { networkRepository } from './network-handlers';

const CACHE_SIZE = 64;
const cache = new Map<string, GraphFigures>();

function figuresOf(network: NetworkDocument, wave: NetworkWave): GraphFigures {
  const key = `${wave.id} ${wave.updatedAt}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const figures = graphFigures(graphOfTies({ ...wave, directed: network.directed }));
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, figures);
  return figures;
}

/** The key under which the last wave's figures are offered, unless a wave is itself called "latest". */
export const LATEST_WAVE = 'latest';

/** The figures of one network, every wave and then the latest. */
export function networkWaveFigures(network: NetworkDocument): LinkableFigure[] {
  const found: LinkableFigure[] = [];
  const offer = (wave: NetworkWave, prefix: string, where: string) => {
    const figures = figuresOf(network, wave);
    for (const { key, label, meaning, units } of GRAPH_FIGURES) {
      if (!network.directed && (key === 'reciprocity' || key === 'oneWayShare')) continue;
      const value = figures[key];
      found.push({
        instrument: 'network',
        documentId: network.id,
        documentName: network.name,
        figure: `${prefix}.${key}`,
        label: `${label}: ${meaning} (${where})`,
        value: Number.isFinite(value) ? value : null,
        units,
      });
    }
  };
  for (const wave of network.waves) offer(wave, wave.wave, `wave ${wave.wave}`);
  const last = network.waves.at(-1);
  if (last !== undefined && !network.waves.some((wave) => wave.wave.toLowerCase() === LATEST_WAVE))
    offer(last, LATEST_WAVE, `latest wave, now ${last.wave}`);
  return found;
}

export const networkFigures: FigureProvider = ({ workspace }, projectId) => {
  const repository = networkRepository(workspace.db);
  return repository.list(projectId).flatMap((summary) => networkWaveFigures(repository.get(summary.id)));
};
