import { useMemo } from 'react';
import type { NetworkDocument, NetworkWave } from '../../../../electron/api/contract';
import { nodeAttribute } from '../../../../model/network/graph';
import { groupColor } from '../graph/encoding';

/** Past this many ties a picture of lines is a blot, and slow to draw: the tables say more. */
const MAX_TIES_DRAWN = 4_000;
const SIZE = 340;
const RADIUS = SIZE / 2 - 14;

interface Placement {
  readonly position: ReadonlyMap<string, { readonly x: number; readonly y: number }>;
  readonly teams: readonly string[];
  readonly teamOf: ReadonlyMap<string, string>;
}

/**
 * Everyone of both waves on one circle, grouped by team (largest first) and in id order within a team, so a
 * person sits at the same place in both pictures and only the ties differ. No layout to compute, which keeps
 * the pictures cheap next to the comparison's tables.
 */
function placePeople(waves: readonly NetworkWave[]): Placement {
  const teamOf = new Map<string, string>();
  for (const wave of waves)
    for (const person of wave.people) {
      const team = nodeAttribute(person, 'team')?.trim() ?? '';
      if (team !== '' || !teamOf.has(person.id)) teamOf.set(person.id, team);
    }
  const sizes = new Map<string, number>();
  for (const team of teamOf.values()) sizes.set(team, (sizes.get(team) ?? 0) + 1);
  const teams = [...sizes.keys()]
    .filter((team) => team !== '')
    .sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0) || a.localeCompare(b));
  const rank = (team: string) => (team === '' ? teams.length : teams.indexOf(team));
  const ids = [...teamOf.keys()].sort(
    (a, b) => rank(teamOf.get(a) ?? '') - rank(teamOf.get(b) ?? '') || a.localeCompare(b),
  );
  const position = new Map(
    ids.map((id, index) => {
      const angle = (2 * Math.PI * index) / ids.length - Math.PI / 2;
      return [id, { x: SIZE / 2 + RADIUS * Math.cos(angle), y: SIZE / 2 + RADIUS * Math.sin(angle) }];
    }),
  );
  return { position, teams, teamOf };
}

/**
 * The two waves as small multiples: people on a circle by team (a colour per team, from the graph view’s palette), a tie as a chord
 * bent towards the centre, ties between teams drawn stronger, so "more returned and cross-team ties" shows.
 */
export function WavePictures({
  network,
  before,
  after,
}: {
  readonly network: NetworkDocument;
  readonly before: NetworkWave;
  readonly after: NetworkWave;
}) {
  const placement = useMemo(() => placePeople([before, after]), [before, after]);
  if (before.ties.length > MAX_TIES_DRAWN || after.ties.length > MAX_TIES_DRAWN) return null;
  const color = (id: string) => groupColor(placement.teams.indexOf(placement.teamOf.get(id) ?? ''));
  return (
    <section className="comparison-panel wave-pictures" aria-label="The two waves drawn side by side">
      <h3>Ties, side by side</h3>
      <p className="muted small">
        Everyone on one circle by team, at the same place in both waves; ties between teams stand out.
      </p>
      <div className="picture-row">
        {[before, after].map((wave) => {
          const present = new Set(wave.people.map((person) => person.id));
          const crossing = wave.ties.filter(
            (tie) => placement.teamOf.get(tie.source) !== placement.teamOf.get(tie.target),
          ).length;
          return (
            <figure key={wave.id}>
              <svg
                width={SIZE}
                height={SIZE}
                viewBox={`0 0 ${SIZE} ${SIZE}`}
                role="img"
                aria-label={`Wave ${wave.wave}: ${wave.people.length} people, ${wave.ties.length} ties, ${crossing} between teams`}
              >
                {wave.ties.map((tie, index) => {
                  const from = placement.position.get(tie.source);
                  const to = placement.position.get(tie.target);
                  if (from === undefined || to === undefined) return null;
                  const across = placement.teamOf.get(tie.source) !== placement.teamOf.get(tie.target);
                  return (
                    <path
                      key={index}
                      d={`M${from.x},${from.y}Q${SIZE / 2},${SIZE / 2} ${to.x},${to.y}`}
                      className={across ? 'chord across' : 'chord'}
                    />
                  );
                })}
                {[...placement.position].map(([id, point]) =>
                  present.has(id) ? (
                    <circle key={id} cx={point.x} cy={point.y} r={3.5} fill={color(id)} className="person" />
                  ) : null,
                )}
              </svg>
              <figcaption className="small">
                <strong>{wave.wave}</strong>: {wave.ties.length} ties, {crossing} between teams
                {network.directed ? '' : ' (undirected)'}
              </figcaption>
            </figure>
          );
        })}
      </div>
      <div className="legend" aria-hidden="true">
        {placement.teams.map((team, index) => (
          <span key={team}>
            <svg width="10" height="10" className="legend-swatch">
              <circle cx="5" cy="5" r="5" fill={groupColor(index)} />
            </svg>
            {team}
          </span>
        ))}
      </div>
    </section>
  );
}
