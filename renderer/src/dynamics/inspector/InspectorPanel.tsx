import { useDynamics } from '../session/dynamics-context';

/** Placeholder until the Inspector panel is built. */
export function InspectorPanel() {
  const { session } = useDynamics();
  return (
    <section className="panel" aria-label="Inspector">
      <h2 className="panel-title">Inspector</h2>
      <p className="muted small">{session.record.name}</p>
    </section>
  );
}
