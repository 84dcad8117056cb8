import type { PsaConfig } from '../../../shared/config';

/** A PSA contact, reduced to what the pipeline and the prefill templates use. */
export interface PsaContact {
  id: string;
  firstName: string;
  lastName: string;
  /** The contact's primary email, absent when the PSA has none. */
  email?: string;
  phone?: string;
  /** The company the PSA files the contact under; absent when the PSA hides it. */
  companyId?: string;
  companyName?: string;
  active: boolean;
}

/** A PSA ticket, reduced to the ids a screen pop can be completed from. */
export interface PsaTicket {
  id: string;
  summary?: string;
  companyId?: string;
  contactId?: string;
}

export interface PsaCompany {
  id: string;
  name: string;
}

/**
 * One PSA behind the pipeline. Each method returns null when the record does
 * not exist and throws a ToolboxError with code psa_error or psa_timeout for
 * every other failure, naming the id, the upstream status and the fix.
 */
export interface PsaClient {
  readonly type: PsaConfig['type'];
  getContact(id: string, signal?: AbortSignal): Promise<PsaContact | null>;
  getTicket(id: string, signal?: AbortSignal): Promise<PsaTicket | null>;
  getCompany(id: string, signal?: AbortSignal): Promise<PsaCompany | null>;
}

/** Human name of each PSA, for messages. */
export const psaDisplayName: Record<PsaConfig['type'], string> = {
  connectwise: 'ConnectWise PSA',
  autotask: 'Autotask',
  halo: 'HaloPSA',
};
