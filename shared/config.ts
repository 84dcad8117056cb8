import { z } from 'zod';

export const DEFAULT_PORT = 17345;

export const idpValues = [
  'azure_ad',
  'on_prem',
  'hybrid_no_sync',
  'on_prem_only',
  'secure_cloud',
] as const;
export type Idp = (typeof idpValues)[number];

export function isIdp(value: string): value is Idp {
  return (idpValues as readonly string[]).includes(value);
}

/** Returns what is wrong with a base URL from the config, or undefined when it is usable. */
function findBaseUrlProblem(value: string): string | undefined {
  if (!URL.canParse(value)) return 'must be an absolute URL such as https://…';

  const url = new URL(value);
  const loopbackHttp = url.protocol === 'http:' && isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) {
    return 'must use https (plain http is accepted only for 127.0.0.1, localhost or [::1])';
  }
  if (url.username || url.password || url.search || url.hash) {
    return 'must not carry a user name, password, ?query or #fragment';
  }
  return undefined;
}

const httpsOrLoopbackUrl = z
  .string()
  .trim()
  .check((context) => {
    const problem = findBaseUrlProblem(context.value);
    if (problem) context.issues.push({ code: 'custom', message: problem, input: context.value });
  })
  .transform((value) => value.replace(/\/+$/, ''));

/** True for the host names that always mean this machine. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const numericId = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim().replace(/^0+(?=\d)/, ''))
  .refine((value) => /^\d+$/.test(value), { message: 'must be the numeric PSA company id' });

export const listenerConfigSchema = z.strictObject({
  port: z.number().int().min(1024).max(65535).default(DEFAULT_PORT),
  requireApiKey: z.boolean().default(false),
  popMode: z.enum(['redirect', 'open']).default('redirect'),
});

/** Settings of the tray app; the CLI and the headless listener ignore them. */
export const trayConfigSchema = z.strictObject({
  /** Show a desktop notification for each screen pop's outcome. */
  notifications: z.boolean().default(true),
});

export const directoryUserNeeds = ['required', 'optional', 'none'] as const;
export type DirectoryUserNeed = (typeof directoryUserNeeds)[number];

/** A form entry in the config file; every field is optional so it can override a built-in form. */
export const formOverrideSchema = z.strictObject({
  formId: nonEmpty.optional(),
  label: nonEmpty.optional(),
  directoryUser: z.enum(directoryUserNeeds).optional(),
  prefill: z.record(nonEmpty, z.string()).optional(),
});
export type FormOverride = z.infer<typeof formOverrideSchema>;

const formNamePattern = /^[A-Za-z0-9_.-]+$/;

/** Rewst's address: scheme, host and port only, because form links are built under it. */
const rewstBaseUrl = httpsOrLoopbackUrl.refine((value) => new URL(value).pathname === '/', {
  message: 'must be the Rewst address without a path, such as https://app.rewst.io',
});

export const rewstConfigSchema = z.strictObject({
  baseUrl: rewstBaseUrl.default('https://app.rewst.io'),
  forms: z
    .record(
      z.string().regex(formNamePattern, 'form names use only letters, digits, _ . and -'),
      formOverrideSchema,
    )
    .default({}),
});

export const connectwiseConfigSchema = z.strictObject({
  type: z.literal('connectwise'),
  baseUrl: httpsOrLoopbackUrl,
  companyId: nonEmpty,
  publicKey: nonEmpty,
  clientId: nonEmpty,
  timeoutMs: z.number().int().min(500).max(60_000).default(8000),
});

export const autotaskConfigSchema = z.strictObject({
  type: z.literal('autotask'),
  userName: nonEmpty,
  integrationCode: nonEmpty,
  zoneDiscoveryUrl: httpsOrLoopbackUrl.default('https://webservices.autotask.net/atservicesrest'),
  timeoutMs: z.number().int().min(500).max(60_000).default(8000),
});

export const haloConfigSchema = z.strictObject({
  type: z.literal('halo'),
  baseUrl: httpsOrLoopbackUrl,
  authUrl: httpsOrLoopbackUrl.optional(),
  tenant: z.string().trim().default(''),
  clientId: nonEmpty,
  scope: nonEmpty.default('all'),
  timeoutMs: z.number().int().min(500).max(60_000).default(8000),
});

export const psaConfigSchema = z.discriminatedUnion('type', [
  connectwiseConfigSchema,
  autotaskConfigSchema,
  haloConfigSchema,
]);
export type PsaConfig = z.infer<typeof psaConfigSchema>;
export type ConnectwiseConfig = z.infer<typeof connectwiseConfigSchema>;
export type AutotaskConfig = z.infer<typeof autotaskConfigSchema>;
export type HaloConfig = z.infer<typeof haloConfigSchema>;

export const graphConfigSchema = z.strictObject({
  clientId: nonEmpty,
  authorityHost: httpsOrLoopbackUrl.default('https://login.microsoftonline.com'),
  baseUrl: httpsOrLoopbackUrl.default('https://graph.microsoft.com'),
  timeoutMs: z.number().int().min(500).max(60_000).default(8000),
});
export type GraphConfig = z.infer<typeof graphConfigSchema>;

/** Tenant ids for client credentials: a GUID or a verified domain, never common/organizations. */
const tenantId = z
  .string()
  .trim()
  .check((context) => {
    const value = context.value;
    const isGuid = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(value);
    const isDomain = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(value);
    const message = ['common', 'organizations', 'consumers'].includes(value.toLowerCase())
      ? 'must name one tenant; common, organizations and consumers do not work for app sign-in'
      : 'must be the tenant GUID or a verified domain such as contoso.onmicrosoft.com';
    if (!isGuid && !isDomain) context.issues.push({ code: 'custom', message, input: value });
  });

export const companyMappingSchema = z.strictObject({
  psaCompanyId: numericId,
  name: nonEmpty,
  rewstOrgId: nonEmpty,
  // Checked per pop (unsupported_idp), so one mistyped mapping does not stop every other company.
  idp: nonEmpty,
  tenantId: tenantId.optional(),
});
export type CompanyMapping = z.infer<typeof companyMappingSchema>;

export const configSchema = z
  .strictObject({
    listener: listenerConfigSchema.default({ port: DEFAULT_PORT, requireApiKey: false, popMode: 'redirect' }),
    tray: trayConfigSchema.default({ notifications: true }),
    rewst: rewstConfigSchema.default({ baseUrl: 'https://app.rewst.io', forms: {} }),
    psa: psaConfigSchema,
    graph: graphConfigSchema.optional(),
    companies: z.array(companyMappingSchema).default([]),
  })
  .superRefine((config, context) => {
    const seen = new Map<string, number>();
    config.companies.forEach((company, index) => {
      const first = seen.get(company.psaCompanyId);
      if (first !== undefined) {
        context.addIssue({
          code: 'custom',
          path: ['companies', index, 'psaCompanyId'],
          message: `duplicates companies[${first}].psaCompanyId ${company.psaCompanyId}; keep one mapping per PSA company`,
        });
      }
      seen.set(company.psaCompanyId, index);
    });
  });

/** The config file as written by the admin. */
export type ConfigInput = z.input<typeof configSchema>;
/** The config after validation, with defaults filled in. */
export type Config = z.infer<typeof configSchema>;
