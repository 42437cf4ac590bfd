import { useDynamics } from '../session/dynamics-context';

/** Placeholder until the Diagram panel is built. */
export function DiagramPanel() {
  const { session } = useDynamics();
  return (
    <section className="panel" aria-label="Diagram">
      <h2 className="panel-title">Diagram</h2>
      <p className="muted small">{session.record.name}</p>
    </section>
  );
}
