import { ErrorDetails } from '../details/ErrorDetails';
import { Popover } from '../popover/Popover';
import { RecentTickets } from '../recent/RecentTickets';
import { Settings } from '../settings/Settings';
import { useForms, useHistory, useListenerStatus } from '../common/toolbox-state';
import { LoadProblem } from './LoadProblem';
import { Shell } from './Shell';
import { useView } from './use-view';

/** Picks the view and keeps history, forms and listener state current for all of them. */
export function App() {
  const { current, show, back } = useView();
  const history = useHistory();
  const forms = useForms();
  const listener = useListenerStatus();
  const entries = history.value ?? [];
  const formList = forms.value ?? [];

  if (history.error) {
    return (
      <LoadProblem
        subject="the screen pop history"
        reason={history.error}
        onRetry={history.reload}
      />
    );
  }
  if (!history.value) return <p className="loading">Loading…</p>;

  if (current.view === 'popover') {
    return <Popover history={entries} forms={formList} listener={listener.value} />;
  }

  let content;
  if (current.view === 'details') {
    const entry = entries.find((candidate) => candidate.id === current.historyId);
    content = <ErrorDetails entry={entry} onClose={back} />;
  } else if (current.view === 'settings') {
    const reloadAfterSave = () => {
      forms.reload();
      listener.reload();
    };
    content = (
      <Settings
        forms={formList}
        listener={listener.value}
        onListener={listener.replace}
        onConfigSaved={reloadAfterSave}
      />
    );
  } else {
    content = (
      <RecentTickets
        history={entries}
        forms={formList}
        onOpenDetails={(entry) => show({ view: 'details', historyId: entry.id })}
        onOpenSettings={() => show({ view: 'settings' })}
      />
    );
  }

  return (
    <Shell current={current.view} listener={listener.value} onNavigate={(view) => show({ view })}>
      {content}
    </Shell>
  );
}
