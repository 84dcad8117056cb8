import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolbox } from '../../electron/core/app';
import { startListener, type ListenerHandle } from '../../electron/core/listener';
import type { PopResult } from '../../shared/result';
import { httpRequest, popPath } from '../support/http-request';
import { createMemorySecretStore } from '../support/memory-secrets';
import { psaTypes, type PsaType } from '../support/psa-stand-in';
import { startStandIns, type StandIns } from '../support/stand-ins';

interface PopCase {
  name: string;
  query: Record<string, string>;
  status: number;
  /** Expected Location path and query after the Rewst base URL, or the error code. */
  expected: string;
}

const passwordReset = '/form/f-password-reset';
const liam =
  "org_id=org-contoso&ticket_id=5001&first_name=Liam&last_name=O'Brien" +
  "&email=o'brien%40contoso.com&user=o'brien%40contoso.com&user_id=1a2b3c4d-0002-4000-8000-000000000002";

/** Screen pops as 1Stream sends them, from a full pop down to one with only a form. */
const popCases: PopCase[] = [
  {
    name: 'full pop',
    query: { ticket_id: '5001', company_id: '250', contact_id: '101', form_name: 'password_reset' },
    status: 302,
    expected: `${passwordReset}?${liam}`,
  },
  {
    name: 'ticket only',
    query: { ticket_id: '5001', company_id: '@companyid', contact_id: '@contactid', form_name: 'password_reset' },
    status: 302,
    expected: `${passwordReset}?${liam}`,
  },
  {
    name: 'contact only',
    query: { contact_id: '103', form_name: 'reset_mfa' },
    status: 302,
    expected:
      '/form/f-reset-mfa?org_id=org-contoso&first_name=Zo%C3%AB&last_name=%C3%85ngstr%C3%B6m' +
      '&email=zoe.angstrom%40contoso.com&user=zoe.angstrom%40contoso.com&user_id=1a2b3c4d-0004-4000-8000-000000000004',
  },
  {
    name: 'company only',
    query: { company_id: '250', ticket_id: '', contact_id: '0', form_name: 'user_onboarding' },
    status: 302,
    expected: '/form/f-user-onboarding?org_id=org-contoso',
  },
  {
    name: 'ticket without contact',
    query: { ticket_id: '5003', form_name: 'group_membership' },
    status: 302,
    expected: '/form/f-group-membership?org_id=org-fabrikam&ticket_id=5003',
  },
  {
    name: 'company disagrees with contact',
    query: { ticket_id: '5001', company_id: '260', contact_id: '101', form_name: 'password_reset' },
    status: 302,
    expected: `${passwordReset}?${liam}`,
  },
  {
    name: 'form only',
    query: { ticket_id: '@ticketid', company_id: '@companyid', contact_id: '@contactid', form_name: 'password_reset' },
    status: 400,
    expected: 'missing_param',
  },
  {
    name: 'unknown contact',
    query: { company_id: '250', contact_id: '999', form_name: 'password_reset' },
    status: 422,
    expected: 'contact_not_found',
  },
  {
    name: 'unknown ticket alone',
    query: { ticket_id: '9999', form_name: 'password_reset' },
    status: 422,
    expected: 'ticket_not_found',
  },
];

const listeners = new Map<PsaType, { standIns: StandIns; listener: ListenerHandle }>();

beforeAll(async () => {
  for (const psa of psaTypes) {
    const standIns = await startStandIns({ psa });
    const toolbox = createToolbox({ config: standIns.config, secrets: createMemorySecretStore(standIns.secrets) });
    const listener = await startListener({
      port: 0,
      version: 'test',
      rewstBaseUrl: standIns.config.rewst.baseUrl,
      popMode: 'redirect',
      requireApiKey: false,
      getApiKey: async () => undefined,
      resolvePop: toolbox.resolvePop,
      dedupeWindowMs: 0,
    });
    listeners.set(psa, { standIns, listener });
  }
});

afterAll(async () => {
  for (const { standIns, listener } of listeners.values()) {
    await listener.close();
    await standIns.close();
  }
});

async function sendPop(psa: PsaType, query: Record<string, string>, accept = 'text/html') {
  const entry = listeners.get(psa);
  if (!entry) throw new Error(`no listener for ${psa}`);
  const response = await httpRequest(entry.listener.port, { path: popPath(query), headers: { Accept: accept } });
  return { ...response, rewst: entry.standIns.rewst.baseUrl };
}

describe.each(psaTypes)('screen pops through the listener with %s', (psa) => {
  it.each(popCases)('$name', async ({ query, status, expected }) => {
    const response = await sendPop(psa, query);
    expect(response.status).toBe(status);
    if (status === 302) expect(response.headers.location).toBe(`${response.rewst}${expected}`);
    else expect(response.body).toContain(expected);
  });
});

describe('failures read the same whatever the PSA', () => {
  it.each(popCases.filter((popCase) => popCase.status !== 302))('$name', async ({ query }) => {
    const results: PopResult[] = [];
    for (const psa of psaTypes) {
      results.push(JSON.parse((await sendPop(psa, query, 'application/json')).body) as PopResult);
    }

    const wording = results.map((result) =>
      result.error?.message.replace(/ConnectWise PSA|Autotask|HaloPSA/g, '<PSA>'),
    );
    expect(new Set(wording).size).toBe(1);
  });
});
