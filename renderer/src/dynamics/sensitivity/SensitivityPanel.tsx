/** The Sensitivity analysis of the open model (placeholder until it is built). */
export function SensitivityPanel() {
  return <p className="muted">Sensitivity analysis is not built yet.</p>;
}
