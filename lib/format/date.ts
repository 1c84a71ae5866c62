/** Konaplate's `yyyyMMdd` as `yyyy-MM-dd`; anything else unchanged (dates per language: locale-format.ts). */
export function formatCompactDate(yyyymmdd: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : yyyymmdd;
}
