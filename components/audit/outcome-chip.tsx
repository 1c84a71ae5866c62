'use client';
import Chip from '@mui/material/Chip';
import { isAuditOutcome, type AuditOutcomeName } from '@/lib/domain/audit';
import { useAuditWords } from './use-audit-words';

const COLORS = {
  ok: 'success',
  rejected: 'warning',
  upstream_error: 'error',
  unknown: 'info',
  forbidden: 'error',
} as const satisfies Record<AuditOutcomeName, 'success' | 'warning' | 'error' | 'info'>;

export function OutcomeChip({ outcome }: { outcome: string }) {
  const words = useAuditWords();
  const color = isAuditOutcome(outcome) ? COLORS[outcome] : 'default';
  // Amber and light-blue text on white fail WCAG contrast: the outline keeps the colour, the words stay dark.
  return (
    <Chip
      size="small"
      variant="outlined"
      color={color}
      label={words.outcome(outcome)}
      sx={color === 'warning' || color === 'info' ? { color: 'text.primary' } : undefined}
    />
  );
}

/** A request summary on one line, shortened for tables (the export has it in full). */
export function summaryText(summary: Record<string, unknown> | null, max = 120): string {
  if (!summary) return '';
  const text = Object.entries(summary)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
