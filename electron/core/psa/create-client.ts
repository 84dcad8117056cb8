import type { AxiosAdapter } from 'axios';
import type { PsaConfig } from '../../../shared/config';
import type { SecretStore } from '../secrets/names';
import { requireSecret } from '../secrets/require-secret';
import { createAutotaskClient } from './autotask';
import { createConnectwiseClient } from './connectwise';
import { createHaloClient } from './halo';
import type { PsaClient } from './types';

/** Builds the configured PSA's client, reading its secret from the keychain. */
async function createPsaClient(
  config: PsaConfig,
  secrets: SecretStore,
  adapter?: AxiosAdapter,
): Promise<PsaClient> {
  switch (config.type) {
    case 'connectwise': {
      const privateKey = await requireSecret(secrets, 'psa.privateKey');
      return createConnectwiseClient(config, { privateKey, adapter });
    }
    case 'autotask': {
      const secret = await requireSecret(secrets, 'psa.secret');
      return createAutotaskClient(config, { secret, adapter });
    }
    case 'halo': {
      const clientSecret = await requireSecret(secrets, 'psa.clientSecret');
      return createHaloClient(config, { clientSecret, adapter });
    }
  }
}

/**
 * Returns a PSA client that is built on first use and kept, so starting the
 * app never waits for the keychain. A failed build (a secret not set yet) is
 * retried on the next pop.
 */
export function createLazyPsaClient(
  config: PsaConfig,
  secrets: SecretStore,
  adapter?: AxiosAdapter,
): PsaClient {
  let client: Promise<PsaClient> | undefined;
  const get = () => {
    client ??= createPsaClient(config, secrets, adapter).catch((error: unknown) => {
      client = undefined;
      throw error;
    });
    return client;
  };

  return {
    type: config.type,
    getContact: async (id, signal) => (await get()).getContact(id, signal),
    getTicket: async (id, signal) => (await get()).getTicket(id, signal),
    getCompany: async (id, signal) => (await get()).getCompany(id, signal),
  };
}
