import { useState } from 'react';
import type { ListenerStatus } from '../../../shared/ipc';
import type { FormSummary } from '../common/types';
import { ConfigEditor } from './ConfigEditor';
import { ListenerPanel } from './ListenerPanel';
import { SecretsPanel } from './SecretsPanel';
import { TemplatesPanel } from './TemplatesPanel';
import { TestPop } from './TestPop';

interface SettingsProps {
  forms: FormSummary[];
  listener?: ListenerStatus;
  onListener: (status: ListenerStatus) => void;
  /** Called after the config was saved, so forms and status are read again. */
  onConfigSaved: () => void;
}

/** Shows the settings: listener, Screen Pop URLs, secrets, "Test a pop" and the config file. */
export function Settings({ forms, listener, onListener, onConfigSaved }: SettingsProps) {
  // The Screen Pop URLs depend on the port and the forms, so a save loads them again.
  const [savedCount, setSavedCount] = useState(0);
  const configSaved = () => {
    setSavedCount((count) => count + 1);
    onConfigSaved();
  };

  return (
    <div className="settings">
      <h1>Settings</h1>
      <ListenerPanel status={listener} onStatus={onListener} />
      <TemplatesPanel key={savedCount} forms={forms} />
      <SecretsPanel />
      <TestPop forms={forms} />
      <ConfigEditor onSaved={configSaved} />
    </div>
  );
}
