import { useState } from 'react';
import { errorMessage, invoke } from '../toolbox';

interface OpenLinkButtonProps {
  url: string;
  label: string;
}

/** Asks main to open a form link in the browser; main checks it against the Rewst host. */
export function OpenLinkButton({ url, label }: OpenLinkButtonProps) {
  const [problem, setProblem] = useState<string>();

  async function open() {
    try {
      const outcome = await invoke('link:open', { url });
      setProblem(
        outcome.opened
          ? undefined
          : `The link was not opened: ${outcome.reason ?? 'no reason given'}`,
      );
    } catch (error) {
      setProblem(`The link was not opened: ${errorMessage(error)}`);
    }
  }

  return (
    <>
      <button type="button" className="primary" onClick={() => void open()}>
        {label}
      </button>
      {problem && (
        <span className="error-text" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
