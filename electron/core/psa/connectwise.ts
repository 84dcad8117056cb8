import type { AxiosAdapter } from 'axios';
import type { ConnectwiseConfig } from '../../../shared/config';
import { ToolboxError } from '../errors';
import { createLogger } from '../log';
import { connectwiseErrorHooks } from './connectwise-errors';
import { toPsaCompany, toPsaContact, toPsaTicket } from './connectwise-records';
import { getPsaJson } from './http';
import type { PsaClient } from './types';

export interface ConnectwiseClientOptions {
  /** The API member's private key, read from the keychain entry psa.privateKey. */
  privateKey: string;
  /** Transport to use instead of Node's http module, e.g. one built on Electron's net.fetch. */
  adapter?: AxiosAdapter;
}

type ConnectwiseRecord = 'contact' | 'ticket' | 'company';

const recordPaths: Record<ConnectwiseRecord, string> = {
  contact: 'company/contacts',
  ticket: 'service/tickets',
  company: 'company/companies',
};

const log = createLogger('connectwise');

/**
 * Creates a PsaClient for the ConnectWise PSA REST API 3.0. It signs in with Basic auth as
 * `<companyId>+<publicKey>` and sends the developer `clientId` header on every request.
 */
export function createConnectwiseClient(
  config: ConnectwiseConfig,
  options: ConnectwiseClientOptions,
): PsaClient {
  if (options.privateKey.trim() === '') {
    throw new ToolboxError('secret_missing', 'The ConnectWise PSA private key is empty.', {
      fix: 'Store the API member private key in the keychain as psa.privateKey.',
    });
  }

  const credentials = `${config.companyId}+${config.publicKey}:${options.privateKey}`;
  const headers = {
    Authorization: `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`,
    clientId: config.clientId,
    Accept: 'application/json',
  };

  async function getRecord(record: ConnectwiseRecord, id: string, signal?: AbortSignal) {
    if (!/^\d+$/.test(id)) {
      const message = `ConnectWise PSA ${record} id "${id}" is not a number.`;
      throw new ToolboxError('invalid_param', message, {
        fix: `Check that the screen pop passes the numeric ConnectWise ${record} id.`,
      });
    }

    return getPsaJson({
      psa: 'connectwise',
      record,
      id,
      url: `${config.baseUrl}/${recordPaths[record]}/${id}`,
      headers,
      timeoutMs: config.timeoutMs,
      signal,
      adapter: options.adapter,
      ...connectwiseErrorHooks,
    });
  }

  return {
    type: 'connectwise',

    async getContact(id, signal) {
      const body = await getRecord('contact', id, signal);
      return body === null ? null : toPsaContact(body, id);
    },

    async getTicket(id, signal) {
      const body = await getRecord('ticket', id, signal);
      return body === null ? null : toPsaTicket(body, id);
    },

    async getCompany(id, signal) {
      const body = await getRecord('company', id, signal);
      if (body === null) return null;

      const { deleted, ...company } = toPsaCompany(body, id);
      if (deleted) log.warn(`ConnectWise PSA company ${id} is marked deleted; using it anyway`);
      return company;
    },
  };
}
