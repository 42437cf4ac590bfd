/** The Loops analysis of the open model (placeholder until it is built). */
export function LoopsPanel() {
  return <p className="muted">Loops analysis is not built yet.</p>;
}
