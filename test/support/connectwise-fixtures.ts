import type { ConnectwiseConfig } from '../../shared/config';

/** ConnectWise records as the REST API 3.0 returns them, trimmed to the fields the app reads. */
export type ConnectwiseJson = Record<string, unknown>;

export interface ConnectwiseFixtures {
  contacts: Map<string, ConnectwiseJson>;
  tickets: Map<string, ConnectwiseJson>;
  companies: Map<string, ConnectwiseJson>;
}

/** Credentials the test server accepts. The private key is a test value, not a secret. */
export const connectwiseCredentials = {
  companyId: 'contosomsp',
  publicKey: 'TestPublicKey123',
  privateKey: 'TestPrivateKey456',
  clientId: '3b1d0f2e-6c4a-4e55-9a3c-2f7b8d9e0a11',
};

/** Builds a valid ConnectWise config that points at a test server's `baseUrl`. */
export function connectwiseConfig(
  baseUrl: string,
  overrides: Partial<ConnectwiseConfig> = {},
): ConnectwiseConfig {
  const { companyId, publicKey, clientId } = connectwiseCredentials;
  return {
    type: 'connectwise',
    baseUrl,
    companyId,
    publicKey,
    clientId,
    timeoutMs: 8000,
    ...overrides,
  };
}

export interface CommunicationItemInput {
  value: string;
  type?: 'Email' | 'Phone';
  /** ConnectWise's type name, e.g. `Direct` or `Work Email`. The default is `type`. */
  typeName?: string;
  isDefault?: boolean;
}

export interface ContactInput {
  id: number;
  firstName: string;
  lastName: string;
  /** Null reproduces a security role that may not see companies. */
  company: { id: number; identifier: string; name: string } | null;
  items?: CommunicationItemInput[];
  defaultPhoneNbr?: string;
  inactive?: boolean;
}

/** Builds a contact in ConnectWise's JSON shape. */
export function connectwiseContact(input: ContactInput): ConnectwiseJson {
  return {
    id: input.id,
    firstName: input.firstName,
    lastName: input.lastName,
    company: input.company,
    inactiveFlag: input.inactive ?? false,
    ...(input.defaultPhoneNbr && { defaultPhoneNbr: input.defaultPhoneNbr }),
    communicationItems: (input.items ?? []).map((item, index) => ({
      id: input.id * 10 + index,
      type: { id: item.type === 'Phone' ? 2 : 1, name: item.typeName ?? item.type ?? 'Email' },
      value: item.value,
      defaultFlag: item.isDefault ?? false,
      communicationType: item.type ?? 'Email',
    })),
    _info: { lastUpdated: '2025-01-15T09:30:00Z' },
  };
}

export function connectwiseCompany(id: number, name: string, deleted = false): ConnectwiseJson {
  return { id, identifier: name.replace(/\W/g, ''), name, deletedFlag: deleted };
}

export function connectwiseTicket(
  id: number,
  summary: string,
  companyId: number,
  contactId: number | null,
): ConnectwiseJson {
  return {
    id,
    summary,
    company: { id: companyId },
    contact: contactId === null ? null : { id: contactId },
    closedFlag: false,
  };
}

const contoso = { id: 250, identifier: 'Contoso', name: 'Contoso' };
const fabrikam = { id: 260, identifier: 'Fabrikam', name: 'Fabrikam, Inc.' };

/** Contact ids of the standard fixtures, named by the case each one covers. */
export const contactIds = {
  apostropheEmail: 101,
  plusEmail: 102,
  nordicName: 103,
  japaneseName: 104,
  defaultEmailNotFirst: 105,
  noDefaultEmail: 106,
  noEmail: 107,
  inactive: 108,
  otherCompany: 109,
  companyHidden: 110,
} as const;

const email = (value: string, isDefault = false): CommunicationItemInput => ({ value, isDefault });

const standardContacts: ContactInput[] = [
  {
    id: 101,
    firstName: 'Liam',
    lastName: "O'Brien",
    company: contoso,
    items: [email("o'brien@contoso.com", true)],
  },
  {
    id: 102,
    firstName: 'John',
    lastName: 'Smith',
    company: contoso,
    items: [email('j.smith+helpdesk@contoso.com', true)],
    defaultPhoneNbr: '555-0102',
  },
  {
    id: 103,
    firstName: 'Zoë',
    lastName: 'Ångström',
    company: contoso,
    items: [email('zoe.angstrom@contoso.com', true)],
  },
  {
    id: 104,
    firstName: '太郎',
    lastName: '山田',
    company: contoso,
    items: [email('taro.yamada@contoso.com', true)],
  },
  {
    id: 105,
    firstName: 'Megan',
    lastName: 'Bowen',
    company: contoso,
    items: [
      email('megan.old@contoso.com'),
      { value: '555-0105', type: 'Phone', typeName: 'Direct', isDefault: true },
      { value: 'megan.bowen@contoso.com', typeName: 'Work Email', isDefault: true },
      email('megan@personal.example'),
    ],
  },
  {
    id: 106,
    firstName: 'Adele',
    lastName: 'Vance',
    company: contoso,
    items: [email('adele.vance@contoso.com'), email('adele@personal.example')],
  },
  {
    id: 107,
    firstName: 'Lee',
    lastName: 'Gu',
    company: contoso,
    items: [{ value: '555-0107', type: 'Phone', isDefault: true }],
  },
  {
    id: 108,
    firstName: 'Alex',
    lastName: 'Wilber',
    company: contoso,
    items: [email('alex.wilber@contoso.com', true)],
    inactive: true,
  },
  {
    id: 109,
    firstName: 'Diego',
    lastName: 'Siciliani',
    company: fabrikam,
    items: [email('diego@fabrikam.com', true)],
  },
  {
    id: 110,
    firstName: 'Nestor',
    lastName: 'Wilke',
    company: null,
    items: [email('nestor.wilke@contoso.com', true)],
  },
];

/** Builds a fresh copy of the standard records, so a test can change its copy safely. */
export function standardConnectwiseFixtures(): ConnectwiseFixtures {
  const contacts = standardContacts.map(connectwiseContact);
  const tickets = [
    connectwiseTicket(5001, 'Password reset for Liam', 250, contactIds.apostropheEmail),
    connectwiseTicket(5002, 'Zoë cannot sign in to Outlook', 250, contactIds.nordicName),
    connectwiseTicket(5003, 'Printer offline', 260, null),
  ];
  const companies = [
    connectwiseCompany(250, 'Contoso'),
    connectwiseCompany(260, 'Fabrikam, Inc.'),
    connectwiseCompany(270, 'Northwind Traders', true),
  ];

  return {
    contacts: new Map(contacts.map((record) => [String(record.id), record])),
    tickets: new Map(tickets.map((record) => [String(record.id), record])),
    companies: new Map(companies.map((record) => [String(record.id), record])),
  };
}
