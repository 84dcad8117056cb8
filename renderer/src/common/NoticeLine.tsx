import type { Notice } from './use-reopen';

/** Shows a notice in a polite live region, so screen readers announce the outcome of a reopen. */
export function NoticeLine({ notice }: { notice?: Notice }) {
  return (
    <p className={`notice notice-${notice?.tone ?? 'info'}`} role="status" aria-live="polite">
      {notice?.text ?? ''}
    </p>
  );
}
