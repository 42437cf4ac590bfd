/** The Calibration analysis of the open model (placeholder until it is built). */
export function CalibrationPanel() {
  return <p className="muted">Calibration analysis is not built yet.</p>;
}
