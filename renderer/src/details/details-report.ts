import type { HistoryEntry } from '../../../shared/history';
import { callerLine, failureTitle, outcomeLabels, outcomeOf } from '../common/describe-entry';
import { duration, longTime } from '../common/time';
import { popFacts } from './pop-fields';
import { redactSecrets } from './redact';
import { statusLabels } from './step-labels';

function headline(entry: HistoryEntry): string[] {
  const lines = [
    `Technician Toolbox screen pop: ${outcomeLabels[outcomeOf(entry)]}`,
    callerLine(entry),
  ];
  const error = entry.error;
  if (!error) return lines;

  lines.push('', failureTitle(entry), error.message);
  if (error.fix) lines.push(`What to do: ${error.fix}`);
  if (error.missing?.length) lines.push(`Missing: ${error.missing.join(', ')}`);
  if (error.upstreamStatus !== undefined)
    lines.push(`Upstream status: HTTP ${error.upstreamStatus}`);
  lines.push(`Error code: ${error.code}`);
  return lines;
}

function stepLines(entry: HistoryEntry): string[] {
  const nameWidth = Math.max(...entry.steps.map((step) => step.name.length), 4);
  return entry.steps.map((step) => {
    const status = statusLabels[step.status].padEnd(8);
    const name = step.name.padEnd(nameWidth);
    const time = duration(step.ms).padStart(8);
    return `  ${status} ${name} ${time}  ${step.detail}`;
  });
}

/**
 * Builds the plain-text report that "Copy details" puts on the clipboard, for pasting into a
 * ticket or a chat. Credential-shaped values are removed, see redactSecrets.
 */
export function buildDetailsReport(entry: HistoryEntry): string {
  const lines = [...headline(entry), ''];
  lines.push(`When: ${longTime(entry.at)} (${entry.at})`, `Total time: ${duration(entry.totalMs)}`);

  lines.push('', 'Screen pop:');
  for (const fact of popFacts(entry)) lines.push(`  ${fact.label}: ${fact.value ?? '(not given)'}`);

  if (entry.steps.length > 0) lines.push('', 'Steps:', ...stepLines(entry));
  if (entry.warnings.length > 0) {
    lines.push('', 'Warnings:', ...entry.warnings.map((warning) => `  - ${warning}`));
  }
  if (entry.fallbackLink) lines.push('', `Fallback link: ${entry.fallbackLink}`);
  if (entry.link) lines.push('', `Form link: ${entry.link}`);

  return redactSecrets(lines.join('\n'));
}
