/** "2027-02-20" → "February 20, 2027" (or "20 de febrero de 2027"); the input when unreadable. */
export function longDate(isoDate: string, language: string): string {
  const date = new Date(`${isoDate}T12:00:00`);
  if (Number.isNaN(date.getTime())) return isoDate;
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: "long" }).format(date);
  } catch {
    return isoDate;
  }
}
