// A server time (ISO) in the staff's language and the browser's time zone, e.g. after a
// conflict ("… set it to Accepted (2 Dec 2026, 13:40)"); an unreadable time is shown as sent.

export function formatDateTime(iso: string, lang: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(ms);
}
