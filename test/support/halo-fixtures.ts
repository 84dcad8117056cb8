import type { HaloConfig } from '../../shared/config';
import { contactIds } from './connectwise-fixtures';

/** Halo records as the API returns them, trimmed to the fields the app reads and a few more. */
export type HaloJson = Record<string, unknown>;

export interface HaloFixtures {
  users: Map<string, HaloJson>;
  tickets: Map<string, HaloJson>;
  clients: Map<string, HaloJson>;
}

/** Credentials the test server accepts. The secret is a test value, not a secret. */
export const haloCredentials = {
  clientId: '6f1c9a2e-4b7d-4e1a-9c3b-5d8e7f6a2b10',
  clientSecret: 'TestHaloSecret-7Yq2',
  tenant: 'contosomsp',
};

/** Builds a valid HaloPSA config that points at a test server's `baseUrl`. */
export function haloConfig(baseUrl: string, overrides: Partial<HaloConfig> = {}): HaloConfig {
  return {
    type: 'halo',
    baseUrl,
    tenant: haloCredentials.tenant,
    clientId: haloCredentials.clientId,
    scope: 'all',
    timeoutMs: 8000,
    ...overrides,
  };
}

interface ClientRef {
  id: number;
  name: string;
}

export interface UserInput {
  id: number;
  firstname: string;
  surname: string;
  /** Halo's display name. The default is `firstname surname`. */
  name?: string;
  /** emailaddress, email2 and email3 in that order. An empty string leaves a field empty. */
  emails?: string[];
  phones?: { preferred?: string; main?: string; mobile?: string };
  /** Null gives client_id 0, a user filed under no client. */
  client: ClientRef | null;
  inactive?: boolean;
}

/** Builds a user (a PSA contact) in Halo's JSON shape. */
export function haloUser(input: UserInput): HaloJson {
  const [emailaddress = '', email2 = '', email3 = ''] = input.emails ?? [];
  return {
    id: input.id,
    name: input.name ?? `${input.firstname} ${input.surname}`,
    firstname: input.firstname,
    surname: input.surname,
    emailaddress,
    email2,
    email3,
    phonenumber_preferred: input.phones?.preferred ?? '',
    phonenumber: input.phones?.main ?? '',
    mobilenumber: input.phones?.mobile ?? '',
    client_id: input.client?.id ?? 0,
    client_name: input.client?.name ?? '',
    site_id: 18,
    site_name: 'Main Office',
    inactive: input.inactive ?? false,
  };
}

export function haloClient(id: number, name: string, inactive = false): HaloJson {
  return { id, name, inactive, toplevel_id: 1, toplevel_name: 'Clients' };
}

/** Builds a ticket. A null `userId` gives user_id 0, a ticket without a user. */
export function haloTicket(
  id: number,
  summary: string,
  client: ClientRef,
  userId: number | null,
): HaloJson {
  return {
    id,
    summary,
    details: '',
    client_id: client.id,
    client_name: client.name,
    user_id: userId ?? 0,
    status_id: 1,
    tickettype_id: 1,
  };
}

const contoso = { id: 250, name: 'Contoso' };
const fabrikam = { id: 260, name: 'Fabrikam, Inc.' };

// The same people as the ConnectWise fixtures (ids, names, emails, phones, companies), so that
// a screen pop resolves to the same form link whichever PSA serves it.
const standardUsers: UserInput[] = [
  {
    id: contactIds.apostropheEmail,
    firstname: 'Liam',
    surname: "O'Brien",
    emails: ["o'brien@contoso.com"],
    client: contoso,
  },
  {
    id: contactIds.plusEmail,
    firstname: 'John',
    surname: 'Smith',
    emails: ['j.smith+helpdesk@contoso.com'],
    phones: { preferred: '555-0102', main: '555-0100' },
    client: contoso,
  },
  {
    id: contactIds.nordicName,
    firstname: 'Zoë',
    surname: 'Ångström',
    emails: ['zoe.angstrom@contoso.com'],
    client: contoso,
  },
  {
    id: contactIds.japaneseName,
    firstname: '太郎',
    surname: '山田',
    name: '山田 太郎',
    emails: ['taro.yamada@contoso.com'],
    client: contoso,
  },
  {
    id: contactIds.defaultEmailNotFirst,
    firstname: 'Megan',
    surname: 'Bowen',
    emails: ['', 'megan.bowen@contoso.com', 'megan@personal.example'],
    phones: { mobile: '555-0105' },
    client: contoso,
  },
  {
    id: contactIds.noDefaultEmail,
    firstname: '',
    surname: '',
    name: 'Adele Vance',
    emails: ['adele.vance@contoso.com', 'adele@personal.example'],
    client: contoso,
  },
  {
    id: contactIds.noEmail,
    firstname: 'Lee',
    surname: 'Gu',
    phones: { main: '555-0107' },
    client: contoso,
  },
  {
    id: contactIds.inactive,
    firstname: 'Alex',
    surname: 'Wilber',
    emails: ['alex.wilber@contoso.com'],
    client: contoso,
    inactive: true,
  },
  {
    id: contactIds.otherCompany,
    firstname: 'Diego',
    surname: 'Siciliani',
    emails: ['diego@fabrikam.com'],
    client: fabrikam,
  },
  {
    id: contactIds.companyHidden,
    firstname: 'Nestor',
    surname: 'Wilke',
    emails: ['nestor.wilke@contoso.com'],
    client: null,
  },
];

/** Builds a fresh copy of the standard records, so a test can change its copy safely. */
export function standardHaloFixtures(): HaloFixtures {
  const users = standardUsers.map(haloUser);
  const tickets = [
    haloTicket(5001, 'Password reset for Liam', contoso, contactIds.apostropheEmail),
    haloTicket(5002, 'Zoë cannot sign in to Outlook', contoso, contactIds.nordicName),
    haloTicket(5003, 'Printer offline', fabrikam, null),
  ];
  const clients = [
    haloClient(250, 'Contoso'),
    haloClient(260, 'Fabrikam, Inc.'),
    haloClient(270, 'Northwind Traders', true),
  ];

  return {
    users: new Map(users.map((record) => [String(record.id), record])),
    tickets: new Map(tickets.map((record) => [String(record.id), record])),
    clients: new Map(clients.map((record) => [String(record.id), record])),
  };
}
