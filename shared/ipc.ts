import { z } from 'zod';
import { historyEntrySchema } from './history';
import { popResultSchema } from './result';

/**
 * The contract between the renderer and the main process. Each channel has
 * a request schema (validated in main before anything runs) and a response
 * schema. The preload script exposes `window.toolbox.invoke(channel,
 * request)` and `window.toolbox.on(event, listener)`; nothing else crosses
 * the bridge.
 */

const id = z.string().trim().min(1).max(100);
const psaId = z.string().trim().regex(/^\d{1,18}$/, 'must be a numeric PSA id');
const formName = z.string().trim().min(1).max(100);
/** Longer than any name in secretNames; main checks the exact name and rejects unknown ones. */
const secretName = z.string().min(1).max(100);

export const listenerStateSchema = z.enum(['ready', 'working', 'failed', 'stopped']);
export type ListenerState = z.infer<typeof listenerStateSchema>;

export const listenerStatusSchema = z.object({
  state: listenerStateSchema,
  /** Address screen pops go to, e.g. http://127.0.0.1:17345; absent while stopped. */
  url: z.string().optional(),
  port: z.number().int(),
  /** Reason the listener is stopped or the last pop failed, in words. */
  message: z.string().optional(),
});
export type ListenerStatus = z.infer<typeof listenerStatusSchema>;

export const configIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ConfigIssue = z.infer<typeof configIssueSchema>;

export const configCheckSchema = z.object({
  ok: z.boolean(),
  issues: z.array(configIssueSchema),
  /** Settings that are valid but fail when a screen pop arrives, such as an unsupported idp. */
  warnings: z.array(configIssueSchema).optional(),
});

export const secretStatusSchema = z.object({ name: z.string(), description: z.string(), isSet: z.boolean() });

export const formSummarySchema = z.object({ name: z.string(), label: z.string() });

export const screenPopTemplateSchema = z.object({ formName: z.string(), url: z.string() });

const none = z.undefined();

/** Request and response schemas per channel, for calls from the renderer to main. */
export const ipcChannels = {
  'history:list': { request: none, response: z.array(historyEntrySchema) },
  'forms:list': { request: none, response: z.array(formSummarySchema) },
  /** Resolves the pop of a history entry again for another form and opens the link. */
  'pop:reopen': { request: z.object({ historyId: id, formName }), response: popResultSchema },
  /** Resolves a pop without opening anything, for "Test a pop" in settings. */
  'pop:test': {
    request: z.object({ companyId: psaId.optional(), contactId: psaId.optional(), ticketId: psaId.optional(), formName }),
    response: popResultSchema,
  },
  'link:open': { request: z.object({ url: z.string().url().max(8192) }), response: z.object({ opened: z.boolean(), reason: z.string().optional() }) },
  'clipboard:write': { request: z.object({ text: z.string().max(100_000) }), response: none },
  'config:read': { request: none, response: z.object({ path: z.string(), text: z.string() }) },
  'config:check': { request: z.object({ text: z.string().max(1_000_000) }), response: configCheckSchema },
  'config:save': { request: z.object({ text: z.string().max(1_000_000) }), response: configCheckSchema },
  'secrets:status': { request: none, response: z.array(secretStatusSchema) },
  /** Write-only: the value goes to the keychain and is never sent back. */
  'secrets:set': { request: z.object({ name: secretName, value: z.string().min(1).max(10_000) }), response: none },
  'secrets:delete': { request: z.object({ name: secretName }), response: none },
  'listener:status': { request: none, response: listenerStatusSchema },
  'listener:pause': { request: none, response: listenerStatusSchema },
  'listener:resume': { request: none, response: listenerStatusSchema },
  'templates:list': { request: none, response: z.array(screenPopTemplateSchema) },
  'window:open': { request: z.object({ view: z.enum(['recent', 'settings', 'details']), historyId: id.optional() }), response: none },
} as const;

export type IpcChannel = keyof typeof ipcChannels;
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcChannels)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.infer<(typeof ipcChannels)[C]['response']>;

/** Events main sends to the renderer; each carries the new state. */
export const ipcEvents = {
  'history:changed': z.array(historyEntrySchema),
  'listener:changed': listenerStatusSchema,
  /** A view main wants the window to show, e.g. after a notification click. */
  'view:show': z.object({ view: z.enum(['popover', 'recent', 'settings', 'details']), historyId: id.optional() }),
} as const;

export type IpcEvent = keyof typeof ipcEvents;
export type IpcEventPayload<E extends IpcEvent> = z.infer<(typeof ipcEvents)[E]>;

/** The API the preload script puts on `window.toolbox`. */
export interface ToolboxApi {
  invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>>;
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void;
}
