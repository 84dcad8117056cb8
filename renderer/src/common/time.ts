const timeOnly = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dateAndTime = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});
const fullDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'medium' });

/** Formats the time of a pop: "2:05 PM" today, "Dec 3, 2:05 PM" on another day (en-US). */
export function shortTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const sameDay = at.toDateString() === now.toDateString();
  return sameDay ? timeOnly.format(at) : dateAndTime.format(at);
}

/** Formats the full date and time, for tooltips and copied reports. */
export function longTime(iso: string): string {
  return fullDate.format(new Date(iso));
}

/** Formats a step or pop duration: "<1 ms", "840 ms" below two seconds, "12.3 s" above. */
export function duration(ms: number): string {
  if (ms < 1) return '<1 ms';
  return ms < 2000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
