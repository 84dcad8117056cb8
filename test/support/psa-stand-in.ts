import type { PsaConfig } from '../../shared/config';
import type { SecretName } from '../../electron/core/secrets/names';
import { autotaskConfig, autotaskContact, autotaskCredentials } from './autotask-fixtures';
import { startAutotaskServer } from './autotask-server';
import { connectwiseConfig, connectwiseContact, connectwiseCredentials } from './connectwise-fixtures';
import { startConnectwiseServer } from './connectwise-server';
import { haloConfig, haloCredentials, haloUser } from './halo-fixtures';
import { startHaloServer } from './halo-server';

export type PsaType = PsaConfig['type'];
export const psaTypes: readonly PsaType[] = ['connectwise', 'autotask', 'halo'];

/** A contact to add to a PSA stand-in, in the PSA-neutral shape. */
export interface ExtraContact {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  /** Null files the contact under no company; Autotask has no such contact, so it rejects null. */
  company: { id: number; name: string } | null;
}

/** Faults every PSA stand-in can produce for one contact. */
export type CommonPsaFault = 'serverError' | 'hang' | 'malformedJson';

/**
 * One PSA stand-in behind a common face, so the same pop can be tried against
 * ConnectWise, Autotask and HaloPSA. All three serve the same people,
 * companies and tickets under the same ids.
 */
export interface PsaStandIn {
  type: PsaType;
  /** The stand-in's API root, or Autotask's zone discovery URL. */
  url: string;
  /** The psa section of a config file pointing at this stand-in. */
  config: PsaConfig;
  /** The keychain entry this PSA's client reads, and the value the stand-in accepts. */
  secret: { name: Extract<SecretName, `psa.${string}`>; value: string };
  failContact(id: string | number, fault: CommonPsaFault): void;
  /** Adds a contact to this stand-in's records. */
  addContact(contact: ExtraContact): void;
  reset(): void;
  close(): Promise<void>;
}

/** Starts the loopback stand-in of one PSA on `port` (0 for a free one). */
export async function startPsaStandIn(type: PsaType, port = 0): Promise<PsaStandIn> {
  switch (type) {
    case 'connectwise': {
      const server = await startConnectwiseServer({ port });
      return {
        type,
        url: server.baseUrl,
        config: connectwiseConfig(server.baseUrl),
        secret: { name: 'psa.privateKey', value: connectwiseCredentials.privateKey },
        failContact: (id, fault) => server.failContact(id, { kind: fault }),
        addContact: (contact) => {
          const { id, firstName, lastName, email, company } = contact;
          const record = connectwiseContact({
            id,
            firstName,
            lastName,
            company: company && { ...company, identifier: company.name.replace(/\W/g, '') },
            items: [{ value: email, isDefault: true }],
          });
          server.fixtures.contacts.set(String(id), record);
        },
        reset: () => server.reset(),
        close: () => server.close(),
      };
    }
    case 'autotask': {
      const server = await startAutotaskServer({ port });
      return {
        type,
        url: server.discoveryUrl,
        config: autotaskConfig(server.discoveryUrl),
        secret: { name: 'psa.secret', value: autotaskCredentials.secret },
        failContact: (id, fault) => server.failContact(id, { kind: fault }),
        addContact: ({ id, firstName, lastName, email, company }) => {
          if (!company) throw new Error('Autotask files every contact under a company; give one.');
          const record = autotaskContact({ id, firstName, lastName, companyID: company.id, emails: [email] });
          server.fixtures.contacts.set(String(id), record);
        },
        reset: () => server.reset(),
        close: () => server.close(),
      };
    }
    case 'halo': {
      const server = await startHaloServer({ port });
      return {
        type,
        url: server.url,
        config: haloConfig(server.url),
        secret: { name: 'psa.clientSecret', value: haloCredentials.clientSecret },
        failContact: (id, fault) => server.failUser(id, { kind: fault }),
        addContact: ({ id, firstName, lastName, email, company }) => {
          const record = haloUser({ id, firstname: firstName, surname: lastName, emails: [email], client: company });
          server.fixtures.users.set(String(id), record);
        },
        reset: () => server.reset(),
        close: () => server.close(),
      };
    }
  }
}
