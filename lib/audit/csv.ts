import type { AuditEventView } from '@/lib/domain/audit';

/**
 * CSV of audit events (RFC 4180), safe to open in a spreadsheet: a cell that would start a
 * formula (= + - @, or a tab / carriage return that some spreadsheets skip before one) gets a
 * leading apostrophe, so it is read as text (OWASP "CSV injection").
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'operator_email',
  'operator_id',
  'operator_roles',
  'action',
  'member_id',
  'card_ref',
  'outcome',
  'result_code',
  'correlation_id',
  'duration_ms',
  'client_ip',
  'user_agent',
  'request_summary',
  'hash',
] as const;

export type AuditCsvColumn = (typeof AUDIT_CSV_COLUMNS)[number];

/** The header row in the exporting operator's language (`audit.csv` messages); the values stay as stored. */
export function auditCsvHeader(label: (column: AuditCsvColumn) => string): string {
  return csvLine(AUDIT_CSV_COLUMNS.map(label));
}

export function auditCsvRow(row: AuditEventView): string {
  return csvLine([
    row.id,
    row.at,
    row.operatorEmail,
    row.operatorId,
    row.operatorRoles.join(' '),
    row.action,
    row.memberId,
    row.cardRef,
    row.outcome,
    row.resultCode,
    row.correlationId,
    row.durationMs,
    row.clientIp,
    row.userAgent,
    row.requestSummary,
    row.hash,
  ]);
}
