import type { AutotaskConfig } from '../../shared/config';
import { contactIds } from './connectwise-fixtures';

// The same people, companies and tickets as the ConnectWise fixtures, so that one screen pop
// resolves to the same form link whichever PSA serves it.
export { contactIds };

/** Autotask records as the REST API returns them inside `{item}`, trimmed to a few fields. */
export type AutotaskJson = Record<string, unknown>;

export interface AutotaskFixtures {
  contacts: Map<string, AutotaskJson>;
  tickets: Map<string, AutotaskJson>;
  companies: Map<string, AutotaskJson>;
  /** Missing ids that get 404. Every other missing id gets 200 with `{item: null}`. */
  missingWith404: Set<string>;
}

/** Credentials the test server accepts. The secret is a test value, not a real one. */
export const autotaskCredentials = {
  // The plus sign checks that the client URL-encodes the user for zone discovery.
  userName: 'toolbox+api@contosomsp.example',
  integrationCode: 'TESTINTEGRATIONCODE0000001',
  secret: 'TestSecret789',
};

/** Builds a valid Autotask config that points at a test server's `discoveryUrl`. */
export function autotaskConfig(
  zoneDiscoveryUrl: string,
  overrides: Partial<AutotaskConfig> = {},
): AutotaskConfig {
  const { userName, integrationCode } = autotaskCredentials;
  return {
    type: 'autotask',
    userName,
    integrationCode,
    zoneDiscoveryUrl,
    timeoutMs: 8000,
    ...overrides,
  };
}

export interface AutotaskContactInput {
  id: number;
  firstName: string;
  lastName: string;
  companyID: number;
  /** emailAddress, emailAddress2 and emailAddress3, in that order. */
  emails?: string[];
  phone?: string;
  mobilePhone?: string;
  /** Autotask sends 1/0 on contacts. A boolean checks that the client accepts true/false too. */
  isActive?: 0 | 1 | boolean;
}

/** Builds a contact in Autotask's JSON shape, with '' and null where Autotask sends them. */
export function autotaskContact(input: AutotaskContactInput): AutotaskJson {
  const emails = input.emails ?? [];
  return {
    id: input.id,
    companyID: input.companyID,
    firstName: input.firstName,
    lastName: input.lastName,
    emailAddress: emails[0] ?? '',
    emailAddress2: emails[1] ?? null,
    emailAddress3: emails[2] ?? null,
    phone: input.phone ?? '',
    mobilePhone: input.mobilePhone ?? '',
    isActive: input.isActive ?? 1,
    title: '',
    userDefinedFields: [],
  };
}

export function autotaskCompany(id: number, companyName: string, isActive = true): AutotaskJson {
  return { id, companyName, companyType: 1, isActive, userDefinedFields: [] };
}

export function autotaskTicket(
  id: number,
  title: string,
  companyID: number,
  contactID: number | null,
): AutotaskJson {
  const ticketNumber = `T20250115.${String(id).padStart(4, '0')}`;
  return { id, ticketNumber, title, companyID, contactID, status: 1 };
}

const CONTOSO = 250;
const FABRIKAM = 260;

const standardContacts: AutotaskContactInput[] = [
  {
    id: 101,
    firstName: 'Liam',
    lastName: "O'Brien",
    companyID: CONTOSO,
    emails: ["o'brien@contoso.com"],
  },
  {
    id: 102,
    firstName: 'John',
    lastName: 'Smith',
    companyID: CONTOSO,
    emails: ['j.smith+helpdesk@contoso.com'],
    phone: '555-0102',
  },
  {
    id: 103,
    firstName: 'Zoë',
    lastName: 'Ångström',
    companyID: CONTOSO,
    emails: ['zoe.angstrom@contoso.com'],
  },
  {
    id: 104,
    firstName: '太郎',
    lastName: '山田',
    companyID: CONTOSO,
    emails: ['taro.yamada@contoso.com'],
  },
  {
    id: 105,
    firstName: 'Megan',
    lastName: 'Bowen',
    companyID: CONTOSO,
    // emailAddress holds only blanks, so the primary address is emailAddress2.
    emails: ['  ', 'megan.bowen@contoso.com', 'megan@personal.example'],
    phone: '555-0105',
  },
  {
    id: 106,
    firstName: 'Adele',
    lastName: 'Vance',
    companyID: CONTOSO,
    emails: ['adele.vance@contoso.com', 'adele@personal.example'],
  },
  { id: 107, firstName: 'Lee', lastName: 'Gu', companyID: CONTOSO, mobilePhone: '555-0107' },
  {
    id: 108,
    firstName: 'Alex',
    lastName: 'Wilber',
    companyID: CONTOSO,
    emails: ['alex.wilber@contoso.com'],
    isActive: 0,
  },
  {
    id: 109,
    firstName: 'Diego',
    lastName: 'Siciliani',
    companyID: FABRIKAM,
    emails: ['diego@fabrikam.com'],
  },
  // ConnectWise hides this contact's company from the API member. An Autotask contact always
  // has a companyID, so here it is simply Contoso's.
  {
    id: 110,
    firstName: 'Nestor',
    lastName: 'Wilke',
    companyID: CONTOSO,
    emails: ['nestor.wilke@contoso.com'],
  },
];

/** Builds a fresh copy of the standard records, so a test can change its copy safely. */
export function standardAutotaskFixtures(): AutotaskFixtures {
  const contacts = standardContacts.map(autotaskContact);
  const tickets = [
    autotaskTicket(5001, 'Password reset for Liam', CONTOSO, contactIds.apostropheEmail),
    autotaskTicket(5002, 'Zoë cannot sign in to Outlook', CONTOSO, contactIds.nordicName),
    autotaskTicket(5003, 'Printer offline', FABRIKAM, null),
  ];
  const companies = [
    autotaskCompany(CONTOSO, 'Contoso'),
    autotaskCompany(FABRIKAM, 'Fabrikam, Inc.'),
    autotaskCompany(270, 'Northwind Traders', false),
  ];

  return {
    contacts: new Map(contacts.map((record) => [String(record.id), record])),
    tickets: new Map(tickets.map((record) => [String(record.id), record])),
    companies: new Map(companies.map((record) => [String(record.id), record])),
    missingWith404: new Set(['998', '9998']),
  };
}
