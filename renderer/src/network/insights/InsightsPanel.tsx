import type { Insight, InsightKind } from '../../../../model/network';
import type { TeamPattern } from './team-patterns';

/** What the panel says about a group of findings (plain words: positions and patterns, never traits). */
const SECTIONS: readonly { readonly title: string; readonly kinds: readonly (InsightKind | 'silo')[] }[] = [
  { title: 'Brokers: people many support paths run through', kinds: ['broker'] },
  { title: 'Team patterns', kinds: ['silo', 'team-balance', 'teams-unlinked'] },
  { title: 'People with no recorded tie', kinds: ['isolated'] },
  { title: 'One-sided support', kinds: ['only-gives', 'only-receives', 'one-way'] },
  { title: 'Ties between teams', kinds: ['team-bridge'] },
];

export interface Finding {
  readonly kind: InsightKind | 'silo';
  readonly text: string;
  /** The people (ids) and teams the finding is about, highlighted on the graph when it is chosen. */
  readonly nodes: readonly string[];
  readonly teams: readonly string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The model's findings, with each person named as people know them: the model writes ids (what exports and
 * ties use); the view puts the name from the node table in their place.
 */
export function findingsOf(
  insights: readonly Insight[],
  patterns: readonly TeamPattern[],
  nameOf: (id: string) => string | undefined,
): Finding[] {
  const named = insights.map((insight) => {
    let text = insight.text;
    for (const id of insight.nodes) {
      const name = nameOf(id);
      if (name !== undefined && name !== id)
        text = text.replace(new RegExp(`(?<![\\w-])${escapeRegExp(id)}(?![\\w-])`, 'g'), name);
    }
    return { kind: insight.kind, text, nodes: insight.nodes, teams: insight.teams };
  });
  return [
    ...named,
    ...patterns.map((pattern) => ({
      kind: pattern.kind,
      text: pattern.text,
      nodes: [],
      teams: [pattern.team],
    })),
  ];
}

/** The plain-words findings of a wave; choosing one highlights its people on the graph. */
export function InsightsPanel({
  findings,
  chosen,
  onChoose,
}: {
  readonly findings: readonly Finding[];
  readonly chosen: Finding | null;
  readonly onChoose: (finding: Finding | null) => void;
}) {
  return (
    <section className="network-insights" aria-labelledby="network-insights-title">
      <h2 id="network-insights-title">What the ties show</h2>
      <p className="muted small">
        Positions and patterns in the recorded support ties, not judgements of anyone. Choose a finding to see
        its people on the graph.
      </p>
      {findings.every((finding) => finding.kind === 'small-teams-hidden') ? (
        <p className="muted">No particular pattern stands out in this wave.</p>
      ) : null}
      {SECTIONS.map((section) => {
        // In the order of the section's kinds (the silo, the headline of team patterns, first).
        const inSection = section.kinds.flatMap((kind) =>
          findings.filter((finding) => finding.kind === kind),
        );
        if (inSection.length === 0) return null;
        const list = (
          <ul className="finding-list">
            {inSection.map((finding) => (
              <li key={finding.text}>
                <button
                  type="button"
                  className={finding === chosen ? 'finding chosen' : 'finding'}
                  aria-pressed={finding === chosen}
                  data-kind={finding.kind}
                  onClick={() => onChoose(finding === chosen ? null : finding)}
                >
                  {finding.text}
                </button>
              </li>
            ))}
          </ul>
        );
        // Ties between each pair of teams make a long list: folded, the headline findings stay in view.
        return section.kinds.includes('team-bridge') ? (
          <details key={section.title}>
            <summary>
              {section.title} ({inSection.length})
            </summary>
            {list}
          </details>
        ) : (
          <div key={section.title}>
            <h3>{section.title}</h3>
            {list}
          </div>
        );
      })}
      {/* Not a finding to choose: the note that team findings left small teams out (issue 11). */}
      {findings
        .filter((finding) => finding.kind === 'small-teams-hidden')
        .map((finding) => (
          <p key={finding.text} className="muted small" role="note" data-testid="small-teams-hidden">
            {finding.text}
          </p>
        ))}
    </section>
  );
}
