import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createToolbox, type Toolbox } from '../../electron/core/app';
import { stepNames, type PopResult } from '../../shared/result';
import { configSchema } from '../../shared/config';
import { contoso, fabrikam } from '../support/identity-fixtures';
import { createMemorySecretStore } from '../support/memory-secrets';
import { psaTypes } from '../support/psa-stand-in';
import { startStandIns, type StandIns } from '../support/stand-ins';

let standIns: StandIns;
let toolbox: Toolbox;

function pop(query: Record<string, string>): Promise<PopResult> {
  return toolbox.resolvePop(query);
}

function linkParams(link: string | undefined): Record<string, string> {
  return Object.fromEntries(new URL(link ?? 'missing:').searchParams);
}

/** Contacts added to every PSA stand-in for the cases its standard records lack. */
const extraContacts = [
  { id: 111, firstName: 'Service', lastName: 'Desk', email: 'support@contoso.com', company: { id: 250, name: 'Contoso' } },
  { id: 121, firstName: 'Nancy', lastName: 'Davolio', email: 'nancy@northwind.example', company: { id: 270, name: 'Northwind Traders' } },
  { id: 128, firstName: 'Kim', lastName: 'Abercrombie', email: 'kim@tailspintoys.example', company: { id: 280, name: 'Tailspin Toys' } },
  { id: 129, firstName: 'Ana', lastName: 'Trujillo', email: 'ana@wideworldimporters.example', company: { id: 290, name: 'Wide World Importers' } },
  { id: 130, firstName: 'Ola', lastName: 'Nordmann', email: 'ola@unmapped.example', company: { id: 999, name: 'Unmapped AS' } },
];

describe.each(psaTypes)('pipeline with %s', (psaType) => {
  beforeAll(async () => {
    standIns = await startStandIns({ psa: psaType });
    for (const contact of extraContacts) standIns.psa.addContact(contact);
  });

  afterAll(async () => {
    await standIns.close();
  });

  beforeEach(() => {
    standIns.psa.reset();
    toolbox = createToolbox({ config: standIns.config, secrets: createMemorySecretStore(standIns.secrets) });
  });

  describe('pipeline finds the directory user', () => {
    it.each([
      ['apostrophe in email', '101', "o'brien@contoso.com"],
      ['plus sign in email', '102', 'j.smith@contoso.com'],
      ['Unicode name', '103', 'zoe.angstrom@contoso.com'],
      ['alias only in proxyAddresses', '105', 'meganb@contoso.com'],
      ['default email not first', '106', 'adele.vance@contoso.com'],
    ])('%s', async (_case, contactId, upn) => {
      const result = await pop({ ticket_id: '5001', company_id: '250', contact_id: contactId, form_name: 'password_reset' });
      expect(result.error).toBeUndefined();
      expect(linkParams(result.link).user).toBe(upn);
    });

    it('builds the password reset link', async () => {
      const result = await pop({ ticket_id: '5001', company_id: '250', contact_id: '101', form_name: 'password_reset' });
      expect(result.link).toBe(
        `${standIns.rewst.baseUrl}/form/f-password-reset?org_id=org-contoso&ticket_id=5001&first_name=Liam` +
          "&last_name=O'Brien&email=o'brien%40contoso.com&user=o'brien%40contoso.com&user_id=1a2b3c4d-0002-4000-8000-000000000002",
      );
    });

    it('keeps Unicode names intact in the link', async () => {
      const result = await pop({ company_id: '250', contact_id: '104', form_name: 'user_onboarding' });
      expect(linkParams(result.link).first_name).toBe('太郎');
    });

    it('records every step once', async () => {
      const result = await pop({ company_id: '250', contact_id: '101', form_name: 'password_reset' });
      expect(result.steps.map((step) => step.name).sort()).toEqual([...stepNames].sort());
    });

    it('reuses the tenant token across pops', async () => {
      await pop({ company_id: '250', contact_id: '101', form_name: 'password_reset' });
      const before = standIns.identity.tokenRequests(contoso.id).length;
      await pop({ company_id: '250', contact_id: '102', form_name: 'reset_mfa' });
      expect(standIns.identity.tokenRequests(contoso.id).length).toBe(before);
    });

    it('fills the subject for the tray', async () => {
      const result = await pop({ company_id: '250', contact_id: '103', form_name: 'password_reset' });
      expect(result.subject).toEqual({
        companyName: 'Contoso',
        contactName: 'Zoë Ångström',
        contactEmail: 'zoe.angstrom@contoso.com',
        userPrincipalName: 'zoe.angstrom@contoso.com',
      });
    });
  });

  describe('pipeline without a directory user', () => {
    it('fails a required user not in the directory', async () => {
      const result = await pop({ company_id: '250', contact_id: '104', form_name: 'password_reset' });
      expect(result.error?.code).toBe('directory_user_not_found');
    });

    it('offers a fallback link without user fields', async () => {
      const result = await pop({ ticket_id: '5002', company_id: '250', contact_id: '104', form_name: 'password_reset' });
      expect(linkParams(result.fallbackLink)).toEqual({
        org_id: 'org-contoso',
        ticket_id: '5002',
        first_name: '太郎',
        last_name: '山田',
        email: 'taro.yamada@contoso.com',
      });
    });

    it('opens an optional-user form with a warning', async () => {
      const result = await pop({ company_id: '250', contact_id: '104', form_name: 'group_membership' });
      expect(result.ok).toBe(true);
      expect(result.warnings.join(' ')).toContain('taro.yamada@contoso.com');
    });

    it('fails a required user when the contact has no email', async () => {
      const result = await pop({ company_id: '250', contact_id: '107', form_name: 'reset_mfa' });
      expect(result.error?.code).toBe('directory_user_not_found');
      expect(result.error?.message).toContain('no email address');
    });

    it('reports two users sharing an address', async () => {
      const result = await pop({ company_id: '250', contact_id: '111', form_name: 'password_reset' });
      expect(result.error?.code).toBe('directory_user_ambiguous');
    });

    it('never asks Graph for on_prem_only companies', async () => {
      const result = await pop({ company_id: '260', contact_id: '109', form_name: 'password_reset' });
      expect(result.ok).toBe(true);
      expect(standIns.identity.tokenRequests(fabrikam.id)).toHaveLength(0);
      expect(linkParams(result.link).email).toBe('diego@fabrikam.com');
    });

    it('explains an app not consented in the tenant', async () => {
      const result = await pop({ company_id: '270', contact_id: '121', form_name: 'password_reset' });
      expect(result.error?.code).toBe('graph_error');
      expect(result.error?.message).toContain('AADSTS700016');
      expect(result.fallbackLink).toContain('org_id=org-northwind');
    });

    it('warns when the company has no tenantId', async () => {
      const result = await pop({ company_id: '280', contact_id: '128', form_name: 'password_reset' });
      expect(result.ok).toBe(true);
      expect(result.warnings.join(' ')).toContain('Tailspin Toys has no tenantId');
    });
  });

  describe('pipeline failures', () => {
    it('rejects an unmapped company without fallback', async () => {
      const result = await pop({ company_id: '999', contact_id: '130', form_name: 'password_reset' });
      expect(result.error?.code).toBe('unknown_company');
      expect(result.fallbackLink).toBeUndefined();
    });

    it('rejects an unsupported identity provider', async () => {
      const result = await pop({ company_id: '290', contact_id: '129', form_name: 'password_reset' });
      expect(result.error?.code).toBe('unsupported_idp');
      expect(result.error?.message).toContain('"okta"');
    });

    it('fails a required user when the contact is missing', async () => {
      const result = await pop({ company_id: '250', contact_id: '999', form_name: 'password_reset' });
      expect(result.error?.code).toBe('contact_not_found');
      expect(result.fallbackLink).toContain('org_id=org-contoso');
    });

    it('opens a form without user when the contact is missing', async () => {
      const result = await pop({ company_id: '250', contact_id: '999', form_name: 'user_onboarding' });
      expect(result.ok).toBe(true);
      expect(result.warnings.join(' ')).toContain('Contact 999 was not found');
    });

    it('reports a PSA server error with its status', async () => {
      standIns.psa.failContact(101, 'serverError');
      const result = await pop({ company_id: '250', contact_id: '101', form_name: 'password_reset' });
      expect(result.error?.code).toBe('psa_error');
      expect(result.error?.upstreamStatus).toBe(500);
    });

    it('times out a PSA that never answers', async () => {
      const config = configSchema.parse({ ...standIns.configInput, psa: { ...standIns.configInput.psa, timeoutMs: 500 } });
      toolbox = createToolbox({ config, secrets: createMemorySecretStore(standIns.secrets) });
      standIns.psa.failContact(101, 'hang');
      const result = await pop({ company_id: '250', contact_id: '101', form_name: 'password_reset' });
      expect(result.error?.code).toBe('psa_timeout');
    });

    it('names the secret that is not set', async () => {
      toolbox = createToolbox({ config: standIns.config, secrets: createMemorySecretStore({}) });
      const result = await pop({ company_id: '250', contact_id: '101', form_name: 'password_reset' });
      expect(result.error?.code).toBe('secret_missing');
      expect(result.error?.fix).toContain(`secret set ${standIns.psa.secret.name}`);
    });

    it('warns about an inactive contact', async () => {
      const result = await pop({ company_id: '250', contact_id: '108', form_name: 'user_offboarding' });
      expect(result.warnings.join(' ')).toContain('inactive');
    });
  });

  describe('pipeline with fewer ids', () => {
    it('takes contact and company from the ticket', async () => {
      const result = await pop({ ticket_id: '5001', form_name: 'password_reset' });
      expect(linkParams(result.link).user).toBe("o'brien@contoso.com");
    });

    it('takes the company from the contact', async () => {
      const result = await pop({ contact_id: '103', form_name: 'password_reset' });
      expect(linkParams(result.link).org_id).toBe('org-contoso');
    });

    it('opens the form for a company alone', async () => {
      const result = await pop({ company_id: '250', ticket_id: '@ticketid', form_name: 'password_reset' });
      expect(result.ok).toBe(true);
      expect(linkParams(result.link)).toEqual({ org_id: 'org-contoso' });
    });

    it('opens the form for a ticket without contact', async () => {
      const result = await pop({ ticket_id: '5003', form_name: 'password_reset' });
      expect(linkParams(result.link)).toEqual({ org_id: 'org-fabrikam', ticket_id: '5003' });
      expect(result.warnings.join(' ')).toContain('No contact in the screen pop or on ticket 5003');
    });

    it('follows the contact when the company disagrees', async () => {
      const result = await pop({ company_id: '260', contact_id: '101', form_name: 'password_reset' });
      expect(linkParams(result.link).org_id).toBe('org-contoso');
      expect(result.warnings.join(' ')).toContain('PSA company 260');
    });

    it('does not prefill a ticket that is not found', async () => {
      const result = await pop({ ticket_id: '9999', contact_id: '101', form_name: 'password_reset' });
      expect(result.ok).toBe(true);
      expect(linkParams(result.link).ticket_id).toBeUndefined();
    });

    // Autotask files every contact under a company, so only the other PSAs have this case.
    it.runIf(psaType !== 'autotask')('explains a contact without company', async () => {
      standIns.psa.addContact({ id: 131, firstName: 'No', lastName: 'Company', email: 'nobody@contoso.com', company: null });
      const result = await pop({ contact_id: '131', form_name: 'user_onboarding' });
      expect(result.error?.code).toBe('unknown_company');
      expect(result.error?.message).toContain('Contact 131 has no company');
    });

    it('says which ids a form-only pop needs', async () => {
      const result = await pop({ form_name: 'password_reset', contact_id: '@contactid' });
      expect(result.error?.missing).toEqual(['ticket_id', 'company_id', 'contact_id']);
    });

    it('records where the contact came from', async () => {
      const result = await pop({ ticket_id: '5002', form_name: 'password_reset' });
      const step = result.steps.find((entry) => entry.name === 'get_contact');
      expect(step?.detail).toContain('from ticket 5002');
    });
  });
});
