import type { ConfigIssue } from '../common/types';

interface ConfigIssuesProps {
  id: string;
  issues?: ConfigIssue[];
  checking: boolean;
  failure?: string;
}

/** Lists the problems main found in the config text, one line per path. */
export function ConfigIssues({ id, issues, checking, failure }: ConfigIssuesProps) {
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
      <ul>
        {issues.map((issue, index) => (
          <li key={`${issue.path}-${index}`}>
            <code>{issue.path || '(whole file)'}</code> {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
