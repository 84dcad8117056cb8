import type { HistoryEntry } from '../../../shared/history';

/** Joins the text a search matches for one entry: ticket, contact and company, names and ids. */
function searchableText(entry: HistoryEntry): string {
  const { params, subject } = entry;
  const parts = [
    params.ticketId,
    params.ticketId && `#${params.ticketId}`,
    params.contactId,
    params.companyId,
    subject.contactName,
    subject.contactEmail,
    subject.userPrincipalName,
    subject.companyName,
  ];
  return parts.filter(Boolean).join(' ').toLowerCase();
}

/** Keeps the entries that contain every word of `query`, in any field and any order. */
export function filterEntries(entries: HistoryEntry[], query: string): HistoryEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries;

  return entries.filter((entry) => {
    const text = searchableText(entry);
    return words.every((word) => text.includes(word));
  });
}

/** Keeps the newest entry per caller (ticket, contact and company), for a short ticket list. */
export function latestPerCaller(entries: HistoryEntry[]): HistoryEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const { ticketId, contactId, companyId } = entry.params;
    if (!ticketId && !contactId) return false;

    const key = `${ticketId ?? ''}|${contactId ?? ''}|${companyId ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
