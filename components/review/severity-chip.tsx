'use client';
import Chip from '@mui/material/Chip';
import { useTranslations } from 'next-intl';
import type { FindingSeverity, FindingStatus } from '@/lib/domain/review';

// Filled: white on primary and error, dark on amber (the theme's warning contrast text) pass WCAG contrast.
const SEVERITY_COLORS = { low: 'default', medium: 'primary', high: 'warning', critical: 'error' } as const satisfies Record<FindingSeverity, string>;
const STATUS_COLORS = { open: 'error', acknowledged: 'warning', resolved: 'success' } as const satisfies Record<FindingStatus, string>;

export function SeverityChip({ severity }: { severity: FindingSeverity }) {
  const t = useTranslations('review.severities');
  return <Chip size="small" color={SEVERITY_COLORS[severity]} label={t(severity)} />;
}

export function FindingStatusChip({ status }: { status: FindingStatus }) {
  const t = useTranslations('review.statuses');
  // The outline keeps the colour; the words stay dark (amber text on white fails WCAG contrast).
  return <Chip size="small" variant="outlined" color={STATUS_COLORS[status]} label={t(status)} sx={{ color: 'text.primary' }} />;
}
