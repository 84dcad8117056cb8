import { isLoopbackHost } from '../../../shared/config';
import type { FormDefinition } from './builtin';
import { renderTemplate, type TemplateContext } from './template';

/**
 * Windows' ShellExecute, which opens links from the tray, drops URLs longer
 * than about 2,000 characters (Electron issue 9987), so links stay below it.
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
 * Returns why a link must not be opened, or undefined when it may be: it must
 * be https on exactly the configured Rewst host and port (plain http only when
 * Rewst itself is configured on a loopback address), with no user info, and
 * shorter than MAX_LINK_LENGTH.
 */
export function findLinkProblem(link: string, rewstBaseUrl: string): string | undefined {
  if (!URL.canParse(link)) return 'it is not a valid URL';

  const url = new URL(link);
  const rewst = new URL(rewstBaseUrl);
  const plainHttpAllowed = rewst.protocol === 'http:' && isLoopbackHost(rewst.hostname);

  if (url.protocol !== 'https:' && !(plainHttpAllowed && url.protocol === 'http:')) {
    return `it uses ${url.protocol} instead of https:`;
  }
  if (url.host !== rewst.host || url.protocol !== rewst.protocol) {
    return `it points at ${url.host}, not the configured Rewst host ${rewst.host}`;
  }
  if (url.username || url.password) return 'it carries user info before the host';
  if (link.length > MAX_LINK_LENGTH) {
    return `it is ${link.length} characters long, and Windows opens links of at most ${MAX_LINK_LENGTH} characters`;
  }
  return undefined;
}
