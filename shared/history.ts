import { z } from 'zod';
import { popResultSchema } from './result';

/** Number of screen pops kept in the history file. */
export const HISTORY_LIMIT = 50;

/** One screen pop as the history file stores it: the result plus when it happened. */
export const historyEntrySchema = popResultSchema.extend({
  id: z.string(),
  at: z.string().datetime(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyFileSchema = z.object({
  version: z.literal(1),
  entries: z.array(historyEntrySchema),
});
export type HistoryFile = z.infer<typeof historyFileSchema>;
