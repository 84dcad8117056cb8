import {
  ConfidentialClientApplication,
  type Configuration,
  type INetworkModule,
  LogLevel,
  ServerError,
} from '@azure/msal-node';

import type { GraphConfig } from '../../../shared/config';
import { createLogger } from '../log';

const log = createLogger('graph');

/**
 * Authority hosts of the Microsoft clouds that msal-node 7 (msal-common 16) trusts on
 * its own. For any other host, such as a test double, msal-node would ask
 * login.microsoftonline.com for instance discovery unless the host is a known authority.
 */
const microsoftAuthorityHosts = new Set([
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'sts.windows.net',
  'login.microsoftonline.us',
  'login.usgovcloudapi.net',
  'login-us.microsoftonline.com',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
  'login.microsoftonline.de',
  'login.sovcloud-identity.fr',
  'login.sovcloud-identity.de',
  'login.sovcloud-identity.sg',
]);

export interface AppTokenOptions {
  /** Reads graph.clientSecret from the keychain. Its ToolboxError passes through unchanged. */
  getClientSecret: () => Promise<string>;
  networkClient?: INetworkModule;
}

/** App-only Graph tokens, one msal-node application (and so one token cache) per tenant. */
export interface AppTokenSource {
  /**
   * Returns an access token for `tenantId`: msal-node's cached token, the result of a
   * request already in flight for that tenant, or a new one.
   */
  acquireToken(tenantId: string): Promise<string>;
  /** Stops sharing the request in flight for `tenantId`, so the next call starts a new one. */
  abandonRequest(tenantId: string): void;
}

/** Builds the msal-node configuration for one tenant. */
export function buildMsalConfiguration(
  config: GraphConfig,
  tenantId: string,
  clientSecret: string,
  networkClient?: INetworkModule,
): Configuration {
  const authorityHost = new URL(config.authorityHost);
  const isMicrosoftHost = microsoftAuthorityHosts.has(authorityHost.hostname.toLowerCase());

  return {
    auth: {
      clientId: config.clientId,
      clientSecret,
      authority: `${config.authorityHost}/${tenantId}`,
      ...(!isMicrosoftHost && { knownAuthorities: [authorityHost.host] }),
    },
    system: {
      ...(networkClient && { networkClient }),
      loggerOptions: {
        logLevel: LogLevel.Warning,
        piiLoggingEnabled: false,
        loggerCallback: (_level, message) => log.debug(`msal-node: ${message}`),
      },
    },
  };
}

export function createAppTokenSource(
  config: GraphConfig,
  options: AppTokenOptions,
): AppTokenSource {
  const scope = `${config.baseUrl}/.default`;
  const apps = new Map<string, ConfidentialClientApplication>();
  const inFlight = new Map<string, Promise<string>>();

  async function getApp(tenantId: string): Promise<ConfidentialClientApplication> {
    const existing = apps.get(tenantId);
    if (existing) return existing;

    const clientSecret = await options.getClientSecret();
    const app = new ConfidentialClientApplication(
      buildMsalConfiguration(config, tenantId, clientSecret, options.networkClient),
    );
    apps.set(tenantId, app);
    log.info(`Created the msal-node application for tenant ${tenantId}`);
    return app;
  }

  async function requestToken(tenantId: string): Promise<string> {
    const app = await getApp(tenantId);
    try {
      const result = await app.acquireTokenByClientCredential({ scopes: [scope] });
      if (!result?.accessToken) throw new Error('msal-node returned no access token');
      return result.accessToken;
    } catch (error) {
      if (isRejectedCredential(error)) {
        // A new application reads the secret again, so a corrected secret works without a restart.
        apps.delete(tenantId);
        log.warn(`Discarded the msal-node application of tenant ${tenantId}: sign-in rejected`);
      }
      throw error;
    }
  }

  return {
    acquireToken(tenantId) {
      const pending = inFlight.get(tenantId);
      if (pending) return pending;

      const request = requestToken(tenantId).finally(() => {
        if (inFlight.get(tenantId) === request) inFlight.delete(tenantId);
      });
      inFlight.set(tenantId, request);
      return request;
    },
    abandonRequest(tenantId) {
      inFlight.delete(tenantId);
    },
  };
}

/**
 * Returns whether the token endpoint rejected the app, tenant or secret (a 4xx other
 * than 429). Throttling and 5xx keep the application, whose throttle entry makes
 * msal-node hold back further requests for a while.
 */
function isRejectedCredential(error: unknown): boolean {
  if (!(error instanceof ServerError) || error.status === undefined) return false;
  return error.status >= 400 && error.status < 500 && error.status !== 429;
}
