/** A problem the user is told about until they dismiss it (an operation that failed); nothing without one. */
export function ProblemBanner({
  problem,
  onDismiss,
}: {
  readonly problem: string | null | undefined;
  readonly onDismiss: () => void;
}) {
  return problem === null || problem === undefined ? null : (
    <div className="banner error" role="alert">
      <p>{problem}</p>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
