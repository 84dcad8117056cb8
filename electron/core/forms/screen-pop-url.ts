import type { Config } from '../../../shared/config';
import type { FormCatalogue } from './catalogue';

/** Stands in for the shared key, which is never read or shown with the templates. */
export const KEY_PLACEHOLDER = '<your key>';

/** Builds the Screen Pop URL template for one form, with 1Stream's placeholders left in. */
export function buildScreenPopUrl(port: number, formName: string, withKey: boolean): string {
  // 1Stream substitutes these literally, so they must stay unencoded.
  const query = [
    'ticket_id=@ticketid',
    'company_id=@companyid',
    'contact_id=@contactid',
    `form_name=${encodeURIComponent(formName)}`,
  ];
  if (withKey) query.push(`key=${KEY_PLACEHOLDER}`);
  return `http://127.0.0.1:${port}/pop?${query.join('&')}`;
}

/** One 1Stream Screen Pop URL template per form that has a Rewst form id. */
export interface ScreenPopTemplate {
  formName: string;
  url: string;
}

/**
 * Lists the Screen Pop URL template of every form that can be opened. The `&key=` placeholder
 * is added when listener.requireApiKey is true or `withKey` is true.
 */
export function listScreenPopTemplates(
  config: Pick<Config, 'listener'>,
  catalogue: Pick<FormCatalogue, 'names'>,
  withKey = false,
): ScreenPopTemplate[] {
  const addKey = config.listener.requireApiKey || withKey;
  return catalogue.names().map((formName) => ({
    formName,
    url: buildScreenPopUrl(config.listener.port, formName, addKey),
  }));
}
