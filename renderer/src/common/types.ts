import type { IpcResponse } from '../../../shared/ipc';

export type FormSummary = IpcResponse<'forms:list'>[number];
export type ScreenPopTemplate = IpcResponse<'templates:list'>[number];
export type SecretStatus = IpcResponse<'secrets:status'>[number];
export type ConfigIssue = IpcResponse<'config:check'>['issues'][number];
