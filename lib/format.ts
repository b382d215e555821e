/** YYYY-MM-DD of a DATE column (stored at UTC midnight). */
export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
export function formatLongDate(date: Date): string {
  return longDate.format(date);
}

export function humanize(value: string): string {
  const lower = value.replaceAll("_", " ").toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
