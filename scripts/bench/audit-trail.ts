/**
 * The audit trail's side of the load benchmark: the card-list reads it recorded, counted through
 * the console's own CSV export (signed in as a manager), while the console still runs.
 */

export interface RecordedReads {
  /** Audit events of action `search` on the member. */
  events: number;
  /** Of which answered from a read shared within the reuse window (no upstream call of their own). */
  shared: number;
  /** Events per outcome (all `ok` when nothing failed). */
  outcomes: Record<string, number>;
}

export async function recordedCardListReads(consoleUrl: string, managerCookie: string, userId: string): Promise<RecordedReads> {
  const response = await fetch(`${consoleUrl}/api/audit/export?${new URLSearchParams({ action: 'search', member: userId })}`, {
    headers: { Cookie: managerCookie },
    redirect: 'manual',
  });
  if (!response.ok) throw new Error(`audit export answered HTTP ${response.status}`);
  const [header = [], ...rows] = parseCsv((await response.text()).replace(/^\uFEFF/, ''));
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`audit export has no ${name} column`);
    return index;
  };
  const [action, member, outcome, summary] = ['action', 'member_id', 'outcome', 'request_summary'].map(column) as [number, number, number, number];
  const reads = rows.filter((row) => row[action] === 'search' && row[member] === userId);
  const outcomes: Record<string, number> = {};
  for (const row of reads) outcomes[row[outcome]!] = (outcomes[row[outcome]!] ?? 0) + 1;
  return {
    events: reads.length,
    shared: reads.filter((row) => row[summary]?.includes('sharedWithinMs')).length,
    outcomes,
  };
}

/** RFC 4180 records (quoted cells may hold commas, quotes and line breaks), as lib/audit/csv.ts writes them. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(cell);
      cell = '';
    } else if (ch === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell || record.length > 0) records.push([...record, cell]);
  return records;
}
