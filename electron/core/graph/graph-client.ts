import axios, { type AxiosAdapter } from 'axios';
import type { INetworkModule } from '@azure/msal-node';

import type { GraphConfig } from '../../../shared/config';
import { ToolboxError } from '../errors';
import { DeadlineError, withDeadline } from './deadline';
import { toCancelledError } from './graph-errors';
import type { LookupContext } from './lookup-context';
import { createAppTokenSource } from './msal-apps';
import { toTokenError } from './token-errors';
import type { DirectoryClient, DirectoryUser } from './types';
import { type GraphUserRow, lookupUsers } from './user-lookup';

export interface GraphClientOptions {
  /** Reads graph.clientSecret from the keychain. Its ToolboxError passes through unchanged. */
  getClientSecret: () => Promise<string>;
  /** HTTP transport for Graph requests (Electron's net.fetch in the app). */
  adapter?: AxiosAdapter;
  /** HTTP transport for msal-node's token requests. */
  networkClient?: INetworkModule;
}

/**
 * Creates the Microsoft Graph directory client. Tokens come from one msal-node
 * application per tenant, created on first use, so each tenant has its own token cache.
 */
export function createGraphClient(
  config: GraphConfig,
  options: GraphClientOptions,
): DirectoryClient {
  const tokens = createAppTokenSource(config, options);
  const http = axios.create({ adapter: options.adapter });

  async function acquireToken(context: LookupContext, signal?: AbortSignal): Promise<string> {
    try {
      const acquire = () => tokens.acquireToken(context.tenantId);
      return await withDeadline(config.timeoutMs, signal, acquire);
    } catch (error) {
      // msal-node cannot cancel its request, so a later call must not wait for it.
      if (error instanceof DeadlineError) tokens.abandonRequest(context.tenantId);
      else if (signal?.aborted) throw toCancelledError(context);
      throw toTokenError(error, context);
    }
  }

  return {
    async warmUp(tenantId, signal) {
      await acquireToken({ config, tenantId }, signal);
    },

    async findUserByEmail(tenantId, email, signal) {
      const context = { config, tenantId, email };
      const token = await acquireToken(context, signal);
      const rows = await lookupUsers(http, token, context, signal);

      if (rows.length === 0) return null;
      if (rows.length > 1) throw ambiguousUserError(rows, context);
      return toDirectoryUser(rows[0] as GraphUserRow, context);
    },
  };
}

function ambiguousUserError(rows: GraphUserRow[], context: Required<LookupContext>): ToolboxError {
  const names = rows.map((row) => String(row.userPrincipalName ?? row.id));
  return new ToolboxError(
    'directory_user_ambiguous',
    `${names.length} directory users in tenant ${context.tenantId} match ${context.email}: ` +
      `${names.join(' and ')}.`,
    {
      fix: `In tenant ${context.tenantId}, keep ${context.email} on one user only (UPN, primary ` +
        'SMTP address, smtp: alias or alternate email), or give the PSA contact an address that ' +
        'only one user has.',
    },
  );
}

function toDirectoryUser(row: GraphUserRow, context: Required<LookupContext>): DirectoryUser {
  if (typeof row.id !== 'string' || typeof row.userPrincipalName !== 'string') {
    throw new ToolboxError(
      'graph_error',
      `Microsoft Graph returned a user without id or userPrincipalName for ${context.email} ` +
        `in tenant ${context.tenantId}.`,
      { fix: `Check that graph.baseUrl (${context.config.baseUrl}) is Microsoft Graph.` },
    );
  }

  return {
    id: row.id,
    userPrincipalName: row.userPrincipalName,
    ...(typeof row.mail === 'string' && { mail: row.mail }),
    ...(typeof row.displayName === 'string' && { displayName: row.displayName }),
    ...(typeof row.accountEnabled === 'boolean' && { accountEnabled: row.accountEnabled }),
    ...(typeof row.onPremisesSyncEnabled === 'boolean' && {
      onPremisesSyncEnabled: row.onPremisesSyncEnabled,
    }),
    ...(typeof row.onPremisesSamAccountName === 'string' && {
      onPremisesSamAccountName: row.onPremisesSamAccountName,
    }),
  };
}
