import { useState } from 'react';
import { errorMessage, invoke } from '../toolbox';

interface CopyButtonProps {
  /** The text to copy, or a function that builds it when the button is pressed. */
  text: string | (() => string);
  label?: string;
  /** Names what is copied for screen readers, e.g. "Copy the URL for Password reset". */
  description?: string;
}

/** Copies text through main's clipboard and shows "Copied" on the button for two seconds. */
export function CopyButton({ text, label = 'Copy', description }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [failure, setFailure] = useState<string>();

  async function copy() {
    try {
      await invoke('clipboard:write', { text: typeof text === 'function' ? text() : text });
      setState('copied');
      setFailure(undefined);
    } catch (error) {
      setState('failed');
      setFailure(errorMessage(error));
    }
    window.setTimeout(() => setState('idle'), 2000);
  }

  const buttonTexts = { idle: label, copied: 'Copied', failed: 'Copy failed' };
  const buttonText = buttonTexts[state];
  return (
    <button
      type="button"
      className="secondary"
      aria-label={state === 'idle' ? description : undefined}
      title={failure ?? description}
      onClick={() => void copy()}
    >
      {buttonText}
    </button>
  );
}
