import { useDynamics } from '../session/dynamics-context';

/** Placeholder until the Scenarios panel is built. */
export function ScenariosPanel() {
  const { session } = useDynamics();
  return (
    <section className="panel" aria-label="Scenarios">
      <h2 className="panel-title">Scenarios</h2>
      <p className="muted small">{session.record.name}</p>
    </section>
  );
}
