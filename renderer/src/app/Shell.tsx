import type { ReactNode } from 'react';
import type { ListenerStatus } from '../../../shared/ipc';
import { ListenerBadge } from '../common/ListenerBadge';
import type { ViewName } from './views';

interface ShellProps {
  current: ViewName;
  listener?: ListenerStatus;
  onNavigate: (view: 'recent' | 'settings') => void;
  children: ReactNode;
}

const tabs: ReadonlyArray<['recent' | 'settings', string]> = [
  ['recent', 'Recent tickets'],
  ['settings', 'Settings'],
];

/** Frames the main window: title, navigation and the listener's state. */
export function Shell({ current, listener, onNavigate, children }: ShellProps) {
  return (
    <div className="shell">
      <header className="shell-head">
        <span className="app-name">Technician Toolbox</span>
        <nav aria-label="Views">
          {tabs.map(([view, label]) => (
            <button
              key={view}
              type="button"
              className="tab"
              aria-current={current === view ? 'page' : undefined}
              onClick={() => onNavigate(view)}
            >
              {label}
            </button>
          ))}
        </nav>
        <ListenerBadge status={listener} />
      </header>
      <main className="shell-main">{children}</main>
    </div>
  );
}
