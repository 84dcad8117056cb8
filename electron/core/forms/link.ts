import { isLoopbackHost } from '../../../shared/config';
import type { FormDefinition } from './builtin';
import { renderTemplate, type TemplateContext } from './template';

/**
 * Windows' ShellExecute, which opens links from the tray, drops URLs longer
 * than about 2,000 characters (an estimate from reports on Electron's
 * openExternal), so links stay below it.
 */
export const MAX_LINK_LENGTH = 2000;

export interface BuiltLink {
  link: string;
  /** Prefill parameters left out because all their placeholders were empty. */
  omitted: string[];
}

/** Builds `<rewst>/form/<formId>?<prefill>`, encoding each name and value exactly once. */
export function buildFormLink(
  rewstBaseUrl: string,
  form: FormDefinition & { formId: string },
  context: TemplateContext,
): BuiltLink {
  const pairs: string[] = [];
  const omitted: string[] = [];

  for (const [parameter, template] of Object.entries(form.prefill)) {
    const value = renderTemplate(template, context);
    if (value === undefined || value === '') {
      omitted.push(parameter);
      continue;
    }
    pairs.push(`${encodeURIComponent(parameter)}=${encodeURIComponent(value)}`);
  }

  const base = `${rewstBaseUrl}/form/${encodeURIComponent(form.formId)}`;
  return { link: pairs.length > 0 ? `${base}?${pairs.join('&')}` : base, omitted };
}

/**
 * Returns why a link must not be opened, or undefined when it may be. A link
 * must be https on exactly the configured Rewst host and port, with no user
 * info and at most `maxLength` characters. Plain http is allowed only when
 * Rewst itself is configured on a loopback address. The listener, the tray
 * and the pipeline all use this one rule.
 */
export function findLinkProblem(link: string, rewstBaseUrl: string, maxLength = MAX_LINK_LENGTH): string | undefined {
  if (link.length > maxLength) {
    return `the link is ${link.length} characters long, over the limit of ${maxLength}`;
  }
  if (!URL.canParse(link)) return 'the link is not an absolute URL';

  const url = new URL(link);
  const rewst = new URL(rewstBaseUrl);
  const plainHttpAllowed = rewst.protocol === 'http:' && isLoopbackHost(rewst.hostname);
  if (url.protocol !== 'https:' && !(plainHttpAllowed && url.protocol === 'http:')) {
    return `the link uses ${url.protocol} instead of ${plainHttpAllowed ? 'http: or https:' : 'https:'}`;
  }
  if (url.username || url.password) return 'the link contains a user name or password before the host';
  // URL.host is lowercase and leaves out default ports, so equal hosts compare equal.
  if (url.host !== rewst.host) {
    return `the link points to ${url.host}, not to the configured Rewst host ${rewst.host}`;
  }
  return undefined;
}
