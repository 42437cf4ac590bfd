import { useDynamics } from '../session/dynamics-context';

/** Placeholder until the Charts panel is built. */
export function ChartsPanel() {
  const { session } = useDynamics();
  return (
    <section className="panel" aria-label="Charts">
      <h2 className="panel-title">Charts</h2>
      <p className="muted small">{session.record.name}</p>
    </section>
  );
}
