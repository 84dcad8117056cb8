import type { ListenerStatus } from '../../../shared/ipc';
import type { FormSummary, ScreenPopTemplate, SecretStatus } from './types';
import type { HistoryEntry } from '../../../shared/history';
import { invoke, subscribe } from '../toolbox';
import { useLoaded, type Loaded } from './use-loaded';

const loadHistory = () => invoke('history:list', undefined);
const followHistory = (update: (entries: HistoryEntry[]) => void) =>
  subscribe('history:changed', update);

/** Loads the screen pop history, newest first, and follows `history:changed`. */
export function useHistory(): Loaded<HistoryEntry[]> {
  return useLoaded(loadHistory, followHistory);
}

const loadListener = () => invoke('listener:status', undefined);
const followListener = (update: (status: ListenerStatus) => void) =>
  subscribe('listener:changed', update);

/** Loads the listener's state and follows `listener:changed`. */
export function useListenerStatus(): Loaded<ListenerStatus> {
  return useLoaded(loadListener, followListener);
}

const loadForms = () => invoke('forms:list', undefined);

/** Loads the forms a screen pop can open. */
export function useForms(): Loaded<FormSummary[]> {
  return useLoaded(loadForms);
}

const loadTemplates = () => invoke('templates:list', undefined);

/** Loads the 1Stream Screen Pop URL for each form. */
export function useTemplates(): Loaded<ScreenPopTemplate[]> {
  return useLoaded(loadTemplates);
}

const loadSecrets = () => invoke('secrets:status', undefined);

/** Loads which secrets are stored, never their values. */
export function useSecretStatus(): Loaded<SecretStatus[]> {
  return useLoaded(loadSecrets);
}
