import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolbox } from '../../electron/core/app';
import { configSchema } from '../../shared/config';
import { connectwiseConfig, connectwiseCredentials } from '../support/connectwise-fixtures';
import { startConnectwiseServer, type ConnectwiseServer } from '../support/connectwise-server';
import { createMemorySecretStore } from '../support/memory-secrets';

let server: ConnectwiseServer;

beforeAll(async () => {
  server = await startConnectwiseServer();
});

afterAll(async () => {
  await server.close();
});

function createTestToolbox() {
  const config = configSchema.parse({
    rewst: { baseUrl: 'https://app.rewst.io', forms: { password_reset: { formId: 'f1' } } },
    psa: connectwiseConfig(server.baseUrl),
    companies: [{ psaCompanyId: '250', name: 'Contoso', rewstOrgId: 'org-1', idp: 'on_prem_only' }],
  });
  const secrets = createMemorySecretStore({ 'psa.privateKey': connectwiseCredentials.privateKey });
  return createToolbox({ config, secrets });
}

describe('secret redaction', () => {
  it('removes a key echoed by the PSA', async () => {
    const echo = `Invalid key ${connectwiseCredentials.privateKey} for member`;
    server.failContact(101, { kind: 'serverError', message: echo, errors: [echo] });
    const result = await createTestToolbox().resolvePop({ company_id: '250', contact_id: '101', form_name: 'password_reset' });

    expect(result.error?.code).toBe('psa_error');
    expect(JSON.stringify(result)).not.toContain(connectwiseCredentials.privateKey);
    expect(JSON.stringify(result)).toContain('[secret removed]');
  });

  it('leaves results without secrets alone', async () => {
    server.reset();
    const result = await createTestToolbox().resolvePop({ company_id: '250', contact_id: '101', form_name: 'password_reset' });
    expect(result.subject.contactName).toBe("Liam O'Brien");
  });
});
