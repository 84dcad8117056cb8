import type { CompanyMapping } from '../../../shared/config';
import { ToolboxError } from '../errors';
import { buildFormLink, findLinkProblem } from '../forms/link';
import { toTemplateContext, type PopState } from './pop-state';
import type { StepOutcome } from './step-log';

/** Fills the form's prefill map from what the pop learned; empty parameters become a warning. */
export function buildLinkStep(state: PopState, rewstBaseUrl: string): StepOutcome<string> {
  if (!state.form) throw new ToolboxError('internal_error', 'The form link was built before the form was known.');

  const { link, omitted } = buildFormLink(rewstBaseUrl, state.form, toTemplateContext(state));
  const filled = Object.keys(state.form.prefill).length - omitted.length;
  if (omitted.length === 0) return { value: link, detail: `prefilled ${filled} parameters` };

  state.warnings.push(
    `Left out prefill ${omitted.length === 1 ? 'parameter' : 'parameters'} ${omitted.join(', ')}: ` +
      'no value was found for this caller.',
  );
  return { value: link, status: 'warning', detail: `prefilled ${filled} parameters, left out ${omitted.join(', ')}` };
}

/** Rejects a link that is not https on the configured Rewst host or is too long to open. */
export function checkLinkStep(link: string, rewstBaseUrl: string): StepOutcome<void> {
  const problem = findLinkProblem(link, rewstBaseUrl);
  if (problem) {
    throw new ToolboxError('link_rejected', `The form link was rejected because ${problem}.`, {
      fix:
        'Check rewst.baseUrl in the config file. For a long link, leave out prefill parameters ' +
        'that can hold long PSA values, or shorten the form\'s prefill templates.',
    });
  }
  const url = new URL(link);
  return { value: undefined, detail: `${url.protocol.replace(':', '')} link on ${url.host}, ${link.length} characters` };
}

/**
 * Builds the form link from what was known before the failure, without any
 * directory user, so the technician can still open the form. Uses the pop's
 * company_id when the pop failed before its company was confirmed. Returns
 * undefined when the form or the Rewst organization is unknown.
 */
export function buildFallbackLink(
  state: PopState,
  rewstBaseUrl: string,
  companies: ReadonlyMap<string, CompanyMapping>,
): string | undefined {
  const popCompany = state.params.companyId ? companies.get(state.params.companyId) : undefined;
  const company = state.company ?? popCompany;
  if (!state.form || !company) return undefined;

  const context = toTemplateContext({ ...state, company, user: undefined });
  const { link } = buildFormLink(rewstBaseUrl, state.form, context);
  return findLinkProblem(link, rewstBaseUrl) ? undefined : link;
}
