import { useState } from 'react';
import type { HistoryEntry } from '../../../shared/history';
import type { ListenerStatus } from '../../../shared/ipc';
import { EmptyHistory } from '../common/EmptyHistory';
import { ListenerBadge } from '../common/ListenerBadge';
import { NoticeLine } from '../common/NoticeLine';
import { SearchBox } from '../common/SearchBox';
import { filterEntries, latestPerCaller } from '../common/filter-entries';
import type { FormSummary } from '../common/types';
import { useReopen } from '../common/use-reopen';
import { invoke } from '../toolbox';
import { ErrorList } from './ErrorList';
import { FormShortcuts } from './FormShortcuts';
import { TicketList } from './TicketList';

/** Number of failed pops the popover lists; the recent tickets view has them all. */
const ERROR_LIMIT = 5;
/** Number of callers listed before a search, the same as the tray menu's recent tickets. */
const TICKET_LIMIT = 10;

interface PopoverProps {
  history: HistoryEntry[];
  forms: FormSummary[];
  listener?: ListenerStatus;
}

function openWindow(view: 'recent' | 'settings' | 'details', historyId?: string): void {
  void invoke('window:open', historyId ? { view, historyId } : { view });
}

/** Renders the small window next to the tray: form shortcuts, recent tickets and errors. */
export function Popover({ history, forms, listener }: PopoverProps) {
  const [query, setQuery] = useState('');
  const { reopen, notice } = useReopen();
  const onReopen = (entry: HistoryEntry, formName: string, label: string) =>
    void reopen(entry, formName, label);

  const callers = latestPerCaller(history);
  const lastCaller = callers[0];
  const tickets = query ? filterEntries(callers, query) : callers.slice(0, TICKET_LIMIT);
  const failures = history.filter((entry) => !entry.ok).slice(0, ERROR_LIMIT);
  const noTickets = query
    ? `No ticket matches “${query}”.`
    : 'No screen pop named a ticket or contact.';

  return (
    <div className="popover">
      <header className="popover-head">
        <h1>Technician Toolbox</h1>
        <ListenerBadge status={listener} />
      </header>

      {history.length === 0 ? (
        <EmptyHistory forms={forms} onOpenSettings={() => openWindow('settings')} />
      ) : (
        <div className="popover-body">
          {lastCaller && <FormShortcuts entry={lastCaller} forms={forms} onReopen={onReopen} />}
          <section className="panel" aria-labelledby="tickets-title">
            <h2 id="tickets-title">Recent tickets</h2>
            <SearchBox value={query} onChange={setQuery} />
            {tickets.length === 0 ? (
              <p className="muted">{noTickets}</p>
            ) : (
              <TicketList entries={tickets} forms={forms} onReopen={onReopen} />
            )}
          </section>
          <ErrorList
            entries={failures}
            onOpenDetails={(entry) => openWindow('details', entry.id)}
          />
        </div>
      )}

      <NoticeLine notice={notice} />
      <footer className="popover-foot">
        <button type="button" className="secondary" onClick={() => openWindow('recent')}>
          All recent tickets
        </button>
        <button type="button" className="secondary" onClick={() => openWindow('settings')}>
          Settings
        </button>
      </footer>
    </div>
  );
}
