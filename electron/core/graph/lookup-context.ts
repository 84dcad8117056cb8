import type { GraphConfig } from '../../../shared/config';

/** The tenant, address and config that an error message about one Graph call names. */
export interface LookupContext {
  config: GraphConfig;
  tenantId: string;
  /** The address being looked up, absent while only warming up the token. */
  email?: string;
}

/** Describes the lookup for messages, e.g. "john.doe@contoso.com in tenant 7c9e…". */
export function describeLookup(context: LookupContext): string {
  return context.email === undefined
    ? `tenant ${context.tenantId}`
    : `${context.email} in tenant ${context.tenantId}`;
}
