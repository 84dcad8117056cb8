/**
 * Tenants, app registration and directory users served by the identity test double.
 * Contoso is the client the PSA files as company 250. Its users cover the address
 * shapes that break naive Graph lookups.
 */
export interface FixtureUser {
  id: string;
  userPrincipalName: string;
  mail: string | null;
  displayName: string;
  accountEnabled: boolean;
  onPremisesSyncEnabled: boolean | null;
  onPremisesSamAccountName: string | null;
  proxyAddresses: string[];
  otherMails: string[];
}

export interface FixtureTenant {
  id: string;
  /** The tenant's initial domain, used in AADSTS messages. */
  domain: string;
  /** Whether an administrator consented to the app in this tenant. False yields AADSTS700016. */
  appConsented: boolean;
  users: FixtureUser[];
}

/** The multi-tenant app registration the toolbox signs in as. */
export const testApp = {
  clientId: '4f1d2c3b-5a6e-4b7c-8d9e-0a1b2c3d4e5f',
  clientSecret: 'contoso-test-secret-value',
  /** A secret that exists on the app but is past its end date (AADSTS7000222). */
  expiredSecret: 'expired-test-secret-value',
} as const;

/** A tenant id that no tenant has (AADSTS90002). */
export const unknownTenantId = '0d0e0a0d-0b0e-4e0f-8a0c-0e0d0e0a0d00';

type UserFields = Partial<FixtureUser> &
  Pick<FixtureUser, 'id' | 'userPrincipalName' | 'displayName'>;

function user(fields: UserFields): FixtureUser {
  return {
    mail: fields.userPrincipalName,
    accountEnabled: true,
    onPremisesSyncEnabled: null,
    onPremisesSamAccountName: null,
    proxyAddresses: [],
    otherMails: [],
    ...fields,
  };
}

export const contoso: FixtureTenant = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  domain: 'contoso.onmicrosoft.com',
  appConsented: true,
  users: [
    user({
      id: '1a2b3c4d-0001-4000-8000-000000000001',
      userPrincipalName: 'adele.vance@contoso.com',
      displayName: 'Adele Vance',
      proxyAddresses: ['SMTP:adele.vance@contoso.com'],
    }),
    user({
      id: '1a2b3c4d-0002-4000-8000-000000000002',
      userPrincipalName: "o'brien@contoso.com",
      displayName: "Siobhán O'Brien",
    }),
    user({
      id: '1a2b3c4d-0003-4000-8000-000000000003',
      userPrincipalName: 'j.smith@contoso.com',
      mail: 'j.smith+helpdesk@contoso.com',
      displayName: 'Jane Smith (Helpdesk)',
    }),
    user({
      id: '1a2b3c4d-0004-4000-8000-000000000004',
      userPrincipalName: 'zoe.angstrom@contoso.com',
      displayName: 'Zoë Ångström 李娜',
      otherMails: ['zoë.ångström@contoso.de'],
    }),
    user({
      id: '1a2b3c4d-0005-4000-8000-000000000005',
      userPrincipalName: 'jdoe@contoso.onmicrosoft.com',
      mail: 'john.doe@contoso.com',
      displayName: 'John Doe',
      onPremisesSyncEnabled: true,
      onPremisesSamAccountName: 'jdoe',
    }),
    user({
      id: '1a2b3c4d-0006-4000-8000-000000000006',
      userPrincipalName: 'meganb@contoso.com',
      displayName: 'Megan Bowen',
      proxyAddresses: [
        'SMTP:meganb@contoso.com',
        'smtp:megan.bowen@contoso.com',
        'smtp:r&d@contoso.com',
      ],
    }),
    user({
      id: '1a2b3c4d-0007-4000-8000-000000000007',
      userPrincipalName: 'alex_fabrikam.com#EXT#@contoso.onmicrosoft.com',
      mail: 'alex@fabrikam.com',
      displayName: 'Alex Wilber (Fabrikam guest)',
      otherMails: ['alex@fabrikam.com'],
    }),
    user({
      id: '1a2b3c4d-0008-4000-8000-000000000008',
      userPrincipalName: 'servicedesk@contoso.com',
      mail: 'support@contoso.com',
      displayName: 'Service Desk',
    }),
    user({
      id: '1a2b3c4d-0009-4000-8000-000000000009',
      userPrincipalName: 'support@contoso.onmicrosoft.com',
      mail: null,
      displayName: 'Support (old mailbox)',
      accountEnabled: false,
      proxyAddresses: ['smtp:support@contoso.com'],
    }),
  ],
};

export const fabrikam: FixtureTenant = {
  id: '2d8f4b1e-9c3a-4e6b-a7d5-3f1c8e2b9a64',
  domain: 'fabrikam.onmicrosoft.com',
  appConsented: true,
  users: [
    user({
      id: '2b3c4d5e-0001-4000-8000-000000000001',
      userPrincipalName: 'pradeep.gupta@fabrikam.com',
      displayName: 'Pradeep Gupta',
    }),
  ],
};

/** A tenant where no administrator consented to the app (AADSTS700016). */
export const northwind: FixtureTenant = {
  id: '9b2e7d41-6f3c-4a58-b1e9-5c7a2d8f0e13',
  domain: 'northwindtraders.onmicrosoft.com',
  appConsented: false,
  users: [],
};

export const fixtureTenants: FixtureTenant[] = [contoso, fabrikam, northwind];
