import type { ConfigIssue } from '../common/types';

interface ConfigIssuesProps {
  id: string;
  issues?: ConfigIssue[];
  warnings?: ConfigIssue[];
  checking: boolean;
  failure?: string;
}

function IssueList({ issues }: { issues: ConfigIssue[] }) {
  return (
    <ul>
      {issues.map((issue, index) => (
        <li key={`${issue.path}-${index}`}>
          <code>{issue.path || '(whole file)'}</code> {issue.message}
        </li>
      ))}
    </ul>
  );
}

/** Lists the problems main found in the config text, one line per path. */
export function ConfigIssues({ id, issues, warnings, checking, failure }: ConfigIssuesProps) {
  if (failure) {
    return (
      <p id={id} className="error-text">
        The config could not be checked: {failure}
      </p>
    );
  }
  if (!issues)
    return (
      <p id={id} className="muted">
        {checking ? 'Checking…' : ''}
      </p>
    );
  if (issues.length === 0 && warnings?.length) {
    const count = warnings.length === 1 ? '1 setting' : `${warnings.length} settings`;
    return (
      <div id={id} className="config-warnings">
        <p className="warning-text">
          No problems that stop the app, but {count} will fail when a screen pop arrives:
        </p>
        <IssueList issues={warnings} />
      </div>
    );
  }
  if (issues.length === 0) {
    return (
      <p id={id} className="ok-text">
        No problems found.
      </p>
    );
  }

  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  return (
    <div id={id} className="config-issues">
      <p className="error-text">
        {count} in the config{checking ? ' (checking again…)' : ''}:
      </p>
      <IssueList issues={issues} />
    </div>
  );
}
