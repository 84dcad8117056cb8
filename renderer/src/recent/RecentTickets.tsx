import { useMemo, useState } from 'react';
import type { HistoryEntry } from '../../../shared/history';
import { EmptyHistory } from '../common/EmptyHistory';
import { NoticeLine } from '../common/NoticeLine';
import { SearchBox } from '../common/SearchBox';
import { filterEntries } from '../common/filter-entries';
import type { FormSummary } from '../common/types';
import { useReopen } from '../common/use-reopen';
import { HistoryTable } from './HistoryTable';

interface RecentTicketsProps {
  history: HistoryEntry[];
  forms: FormSummary[];
  onOpenDetails: (entry: HistoryEntry) => void;
  onOpenSettings: () => void;
}

/** Shows the whole history as a table: outcome, form and time, with reopen and details per pop. */
export function RecentTickets({
  history,
  forms,
  onOpenDetails,
  onOpenSettings,
}: RecentTicketsProps) {
  const [query, setQuery] = useState('');
  const { reopen, notice } = useReopen();
  const formLabels = useMemo(() => new Map(forms.map((form) => [form.name, form.label])), [forms]);
  const entries = filterEntries(history, query);

  let body;
  if (history.length === 0) {
    body = (
      <div className="card">
        <EmptyHistory forms={forms} onOpenSettings={onOpenSettings} />
      </div>
    );
  } else if (entries.length === 0) {
    body = <p className="muted">No screen pop matches “{query}”.</p>;
  } else {
    body = (
      <HistoryTable
        entries={entries}
        forms={forms}
        formLabels={formLabels}
        onReopen={(entry, formName, label) => void reopen(entry, formName, label)}
        onOpenDetails={onOpenDetails}
      />
    );
  }

  return (
    <section aria-labelledby="recent-title">
      <div className="view-head">
        <h1 id="recent-title">Recent tickets</h1>
        {history.length > 0 && <SearchBox value={query} onChange={setQuery} />}
      </div>
      <NoticeLine notice={notice} />
      {body}
    </section>
  );
}
