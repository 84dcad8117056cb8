import { z } from 'zod';

/** Error codes a screen pop can end with, shared by the listener, the CLI and the tray. */
export const errorCodes = [
  'missing_param',
  'invalid_param',
  'unknown_form',
  'unauthorized',
  'forbidden_host',
  'method_not_allowed',
  'fetch_mode_rejected',
  'not_found',
  'request_too_large',
  'rate_limited',
  'unknown_company',
  'unsupported_idp',
  'ticket_not_found',
  'contact_not_found',
  'directory_user_not_found',
  'directory_user_ambiguous',
  'link_rejected',
  'psa_error',
  'graph_error',
  'psa_timeout',
  'graph_timeout',
  'config_invalid',
  'secret_missing',
  'keychain_unavailable',
  'form_open_failed',
  'shutting_down',
  'internal_error',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const stepNames = [
  'parse_request',
  'get_ticket',
  'get_contact',
  'find_company',
  'determine_idp',
  'check_directory_need',
  'find_directory_user',
  'build_link',
  'check_link',
] as const;

export const stepNameSchema = z.enum(stepNames);
export type StepName = z.infer<typeof stepNameSchema>;

export const stepStatusSchema = z.enum(['ok', 'skipped', 'warning', 'error']);
export type StepStatus = z.infer<typeof stepStatusSchema>;

export const stepRecordSchema = z.object({
  name: stepNameSchema,
  status: stepStatusSchema,
  ms: z.number().nonnegative(),
  detail: z.string(),
});
export type StepRecord = z.infer<typeof stepRecordSchema>;

export const popErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  fix: z.string().optional(),
  missing: z.array(z.string()).optional(),
  upstreamStatus: z.number().int().optional(),
});
export type PopError = z.infer<typeof popErrorSchema>;

/** The pop as it arrived, after trimming; missing values are left out. */
export const popParamsSchema = z.object({
  ticketId: z.string().optional(),
  companyId: z.string().optional(),
  contactId: z.string().optional(),
  formName: z.string().optional(),
});
export type PopParams = z.infer<typeof popParamsSchema>;

/** The caller as the pipeline learned it, kept for the tray and the history. */
export const popSubjectSchema = z.object({
  companyName: z.string().optional(),
  contactName: z.string().optional(),
  contactEmail: z.string().optional(),
  userPrincipalName: z.string().optional(),
});
export type PopSubject = z.infer<typeof popSubjectSchema>;

/** The outcome of one screen pop: returned as JSON, shown as HTML, kept in history. */
export const popResultSchema = z.object({
  ok: z.boolean(),
  link: z.string().optional(),
  fallbackLink: z.string().optional(),
  warnings: z.array(z.string()),
  error: popErrorSchema.optional(),
  steps: z.array(stepRecordSchema),
  params: popParamsSchema,
  subject: popSubjectSchema,
  totalMs: z.number().nonnegative(),
});
export type PopResult = z.infer<typeof popResultSchema>;
