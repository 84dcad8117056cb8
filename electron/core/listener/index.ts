export { startListener } from './server';
export type { ListenerHandle, ListenerOptions } from './options';
