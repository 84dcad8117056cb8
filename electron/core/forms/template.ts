/**
 * Prefill templates: plain text with `{{ path }}` placeholders over a fixed set
 * of paths. There is no logic and no evaluation, so a template from the config
 * file can never run code or read anything outside the pop's context.
 */

export const templatePaths = [
  'ticket.id',
  'company.id',
  'company.name',
  'org.id',
  'contact.id',
  'contact.firstName',
  'contact.lastName',
  'contact.email',
  'contact.phone',
  'user.id',
  'user.userPrincipalName',
  'user.mail',
  'user.displayName',
  'idp',
  'form.name',
] as const;

export type TemplatePath = (typeof templatePaths)[number];

/** Values a template can read; a path absent here renders as empty. */
export type TemplateContext = Partial<Record<TemplatePath, string>>;

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

function isTemplatePath(value: string): value is TemplatePath {
  return (templatePaths as readonly string[]).includes(value);
}

/** Lists the placeholders of a template that name no known path. */
export function findUnknownPlaceholders(template: string): string[] {
  const unknown: string[] = [];
  for (const match of template.matchAll(placeholderPattern)) {
    const path = match[1] ?? '';
    if (!isTemplatePath(path)) unknown.push(path);
  }
  return unknown;
}

/**
 * Fills a template. Returns undefined when it has placeholders and every one
 * of them rendered empty, so the caller can leave the parameter out.
 */
export function renderTemplate(template: string, context: TemplateContext): string | undefined {
  let placeholders = 0;
  let filled = 0;

  const text = template.replace(placeholderPattern, (_match, path: string) => {
    placeholders += 1;
    const value = isTemplatePath(path) ? (context[path] ?? '') : '';
    if (value !== '') filled += 1;
    return value;
  });

  if (placeholders > 0 && filled === 0) return undefined;
  return text.trim();
}
