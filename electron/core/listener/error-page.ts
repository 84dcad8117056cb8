import type { PopResult, StepRecord } from '../../../shared/result';
import { errorTitles } from '../../../shared/error-titles';
import type { LinkPolicy } from './link-policy';
import { renderPage } from './page-style';
import { escapeHtml, MAX_VALUE_LENGTH, shortenText, textHtml, valueHtml } from './page-text';
import { popParamNames } from './pop-result';

const knownStatuses = new Set(['ok', 'skipped', 'warning', 'error']);

/**
 * Renders the page for a failed pop or request: what failed, the message and the fix, then the
 * fallback link (only when `linkPolicy` allows it), warnings, steps and the pop's parameters.
 * Every value from the result is escaped, and long ones are shortened.
 */
export function renderFailurePage(
  result: PopResult,
  status: number,
  context: { version: string; linkPolicy: LinkPolicy },
): string {
  const error = result.error ?? {
    code: 'internal_error' as const,
    message: 'The screen pop failed without an error message.',
  };
  const title = errorTitles[error.code] ?? 'Screen pop failed';
  const fallback = result.fallbackLink;
  const showFallback =
    fallback !== undefined && context.linkPolicy.rejectReason(fallback) === undefined;
  const isPop = result.steps.length > 0 || Object.keys(result.params).length > 0;
  const eyebrow = isPop ? 'screen pop failed' : 'request rejected';
  // After a failed browser open the fallback is the complete link, not a partial prefill.
  const fallbackLabel =
    error.code === 'form_open_failed'
      ? 'Open the form'
      : 'Open the form with what is known';

  const summary = [
    `<p class="eyebrow">Technician Toolbox · ${eyebrow}</p>`,
    `<h1 class="failed">${escapeHtml(title)}</h1>`,
    `<p>${textHtml(error.message)}</p>`,
    error.fix ? `<p class="fix"><strong>What to do:</strong> ${textHtml(error.fix)}</p>` : '',
    error.missing?.length ? `<p>Missing: ${error.missing.map(codeHtml).join(', ')}</p>` : '',
    showFallback
      ? `<p><a class="button" href="${escapeHtml(fallback)}" rel="noreferrer">` +
        `${fallbackLabel}</a></p>`
      : '',
  ];

  const sections = [
    card('', summary.join('')),
    result.warnings.length ? card('Warnings', warningList(result.warnings)) : '',
    result.steps.length ? card('Steps', stepsTable(result.steps)) : '',
    isPop ? card('Screen pop', paramsTable(result)) : '',
    `<footer>Error code ${codeHtml(error.code)} · HTTP ${status} · ` +
      `${Math.round(result.totalMs)} ms · Technician Toolbox ${escapeHtml(context.version)}</footer>`,
  ];
  return renderPage(title, sections.join('\n'));
}

/** Renders the page shown after the form was opened in the default browser ('open' pop mode). */
export function renderOpenedPage(result: PopResult): string {
  const form = result.params.formName ?? 'the form';
  const subject = result.subject;
  const contactId = result.params.contactId;
  const fallbackName = contactId ? `contact ${contactId}` : 'the caller';
  const contact = subject.contactName ?? subject.contactEmail ?? fallbackName;

  const body = [
    '<p class="eyebrow">Technician Toolbox</p>',
    `<h1>Opened ${valueHtml(form)} for ${valueHtml(contact)} in your browser</h1>`,
    result.warnings.length ? warningList(result.warnings) : '',
    '<p>You can close this tab.</p>',
  ];
  return renderPage(`Opened ${shortenText(form, MAX_VALUE_LENGTH)}`, card('', body.join('')));
}

function card(heading: string, contentHtml: string): string {
  const headingHtml = heading ? `<h2>${escapeHtml(heading)}</h2>` : '';
  return `<section class="card">${headingHtml}${contentHtml}</section>`;
}

function warningList(warnings: string[]): string {
  return `<ul>${warnings.map((warning) => `<li>${textHtml(warning)}</li>`).join('')}</ul>`;
}

function codeHtml(text: string): string {
  return `<code>${valueHtml(text)}</code>`;
}

function stepsTable(steps: StepRecord[]): string {
  const rows = steps.map((step) => {
    const statusClass = knownStatuses.has(step.status) ? ` class="status-${step.status}"` : '';
    return (
      `<tr><td>${codeHtml(step.name)}</td><td${statusClass}>${escapeHtml(step.status)}</td>` +
      `<td class="ms">${Math.round(step.ms)} ms</td><td>${textHtml(step.detail)}</td></tr>`
    );
  });
  const header = '<tr><th>Step</th><th>Status</th><th>Time</th><th>Detail</th></tr>';
  return `<table><thead>${header}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function paramsTable(result: PopResult): string {
  const rows = Object.entries(popParamNames).map(([queryName, field]) => {
    const value = result.params[field];
    const cellHtml = value === undefined ? '<em>not given</em>' : valueHtml(value);
    return `<tr><th>${escapeHtml(queryName)}</th><td>${cellHtml}</td></tr>`;
  });

  const { companyName, contactName } = result.subject;
  if (companyName) rows.push(`<tr><th>company</th><td>${valueHtml(companyName)}</td></tr>`);
  if (contactName) rows.push(`<tr><th>contact</th><td>${valueHtml(contactName)}</td></tr>`);
  return `<table class="params"><tbody>${rows.join('')}</tbody></table>`;
}
