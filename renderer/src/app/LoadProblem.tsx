interface LoadProblemProps {
  /** What could not be loaded, e.g. "the screen pop history". */
  subject: string;
  reason: string;
  onRetry: () => void;
}

/** Shown when the renderer cannot get its data from main at all. */
export function LoadProblem({ subject, reason, onRetry }: LoadProblemProps) {
  return (
    <section className="card load-problem" role="alert">
      <h1>Could not load {subject}</h1>
      <p>{reason}</p>
      <p>If this keeps happening, quit Technician Toolbox from the tray menu and start it again.</p>
      <button type="button" className="primary" onClick={onRetry}>
        Try again
      </button>
    </section>
  );
}
