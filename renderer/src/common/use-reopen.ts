import { useCallback, useState } from 'react';
import type { HistoryEntry } from '../../../shared/history';
import { errorMessage, invoke } from '../toolbox';
import { contactText, failureTitle } from './describe-entry';

export interface Notice {
  tone: 'info' | 'ok' | 'error';
  text: string;
}

export interface Reopen {
  /** Resolves the entry's pop again for `formName`; main opens the form when it resolves. */
  reopen: (entry: HistoryEntry, formName: string, formLabel: string) => Promise<void>;
  /** Outcome of the last reopen, for a status line. */
  notice?: Notice;
}

/** Reopens forms from the history and keeps a one-line notice of the outcome. */
export function useReopen(): Reopen {
  const [notice, setNotice] = useState<Notice>();

  const reopen = useCallback(async (entry: HistoryEntry, formName: string, formLabel: string) => {
    const contact = contactText(entry);
    setNotice({ tone: 'info', text: `Opening ${formLabel} for ${contact}…` });

    try {
      const result = await invoke('pop:reopen', { historyId: entry.id, formName });
      if (result.ok) {
        const warned = result.warnings.length > 0 ? ` (${result.warnings.length} warning(s))` : '';
        setNotice({ tone: 'ok', text: `Opened ${formLabel} for ${contact}${warned}.` });
      } else {
        const reason = result.error?.message ?? failureTitle(result);
        setNotice({ tone: 'error', text: `${formLabel} for ${contact} did not open: ${reason}` });
      }
    } catch (error) {
      setNotice({
        tone: 'error',
        text: `${formLabel} for ${contact} did not open: ${errorMessage(error)}`,
      });
    }
  }, []);

  return { reopen, notice };
}
