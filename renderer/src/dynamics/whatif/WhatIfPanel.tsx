import { useDynamics } from '../session/dynamics-context';

/** Placeholder until the WhatIf panel is built. */
export function WhatIfPanel() {
  const { session } = useDynamics();
  return (
    <section className="panel" aria-label="WhatIf">
      <h2 className="panel-title">WhatIf</h2>
      <p className="muted small">{session.record.name}</p>
    </section>
  );
}
