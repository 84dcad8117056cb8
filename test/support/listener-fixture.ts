import { vi } from 'vitest';

import type { RawPopQuery } from '../../electron/core/app';
import { startListener, type ListenerHandle, type ListenerOptions } from '../../electron/core/listener';
import type { ErrorCode, PopResult, StepRecord } from '../../shared/result';

export const REWST_BASE_URL = 'https://app.rewst.io';
export const FORM_LINK =
  'https://app.rewst.io/form/5d3c1f0e-7a42-4c9b-9a51-1f2e3d4c5b6a' +
  '?ticket_id=48213&user=jdoe%40contoso.com';

/** The query of a typical password reset pop, as 1Stream sends it. */
export const popQuery = {
  ticket_id: '48213',
  company_id: '19342',
  contact_id: '7731',
  form_name: 'password_reset',
};

/** Pipeline steps of a pop that went through, as the pipeline records them. */
function okSteps(): StepRecord[] {
  return [
    {
      name: 'parse_request',
      status: 'ok',
      ms: 0.2,
      detail: 'ticket 48213, company 19342, contact 7731',
    },
    { name: 'find_company', status: 'ok', ms: 0.1, detail: 'Contoso Ltd → Rewst org 3fa2' },
    { name: 'get_contact', status: 'ok', ms: 84, detail: 'Jane Doe <jdoe@contoso.com>' },
    { name: 'determine_idp', status: 'ok', ms: 0.1, detail: 'azure_ad' },
    { name: 'find_directory_user', status: 'ok', ms: 121, detail: 'jdoe@contoso.com' },
    { name: 'build_link', status: 'ok', ms: 0.3, detail: 'password_reset form' },
  ];
}

function paramsOf(query: RawPopQuery): PopResult['params'] {
  return {
    ticketId: query.ticket_id,
    companyId: query.company_id,
    contactId: query.contact_id,
    formName: query.form_name,
  };
}

/** Builds the result of a pop that resolved to `link`. */
export function okResult(query: RawPopQuery, link = FORM_LINK): PopResult {
  return {
    ok: true,
    link,
    warnings: [],
    steps: okSteps(),
    params: paramsOf(query),
    subject: { companyName: 'Contoso Ltd', contactName: 'Jane Doe', contactEmail: 'jdoe@contoso.com' },
    totalMs: 212,
  };
}

/** Builds the result of a pop that failed with `code` at the get_contact step. */
export function failedResult(
  query: RawPopQuery,
  code: ErrorCode,
  extra: Partial<PopResult> = {},
): PopResult {
  return {
    ok: false,
    warnings: [],
    error: {
      code,
      message: `PSA contact 7731 could not be read (${code}).`,
      fix: 'Check that the contact exists in the PSA and that the API member can read contacts.',
    },
    steps: [
      okSteps()[0] as StepRecord,
      { name: 'get_contact', status: 'error', ms: 40, detail: `${code} from the PSA` },
    ],
    params: paramsOf(query),
    subject: {},
    totalMs: 41,
    ...extra,
  };
}

export interface TestListener extends ListenerHandle {
  resolvePop: ReturnType<typeof vi.fn<ListenerOptions['resolvePop']>>;
  onResult: ReturnType<typeof vi.fn<NonNullable<ListenerOptions['onResult']>>>;
}

/**
 * Starts a listener on a free port. resolvePop succeeds unless `overrides` gives one. The
 * returned resolvePop and onResult are spies around the overrides or the defaults.
 */
export async function startTestListener(
  overrides: Partial<ListenerOptions> = {},
): Promise<TestListener> {
  const resolvePop = vi.fn<ListenerOptions['resolvePop']>(
    overrides.resolvePop ?? (async (query) => okResult(query)),
  );
  const onResult = vi.fn<NonNullable<ListenerOptions['onResult']>>(
    overrides.onResult ?? (() => undefined),
  );
  const handle = await startListener({
    port: 0,
    version: '0.1.0-test',
    rewstBaseUrl: REWST_BASE_URL,
    popMode: 'redirect',
    requireApiKey: false,
    getApiKey: async () => undefined,
    ...overrides,
    resolvePop,
    onResult,
  });
  return { ...handle, resolvePop, onResult };
}
