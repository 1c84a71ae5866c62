'use client';
import { useId, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';

/**
 * Restates what will happen before a card is issued or replaced: a summary list (label,
 * then what will be sent), the way a "check your answers" page reads.
 */
export function ConfirmDialog({
  open,
  title,
  rows,
  warning,
  confirmLabel,
  formId,
  onClose,
}: {
  open: boolean;
  title: string;
  rows: [label: ReactNode, value: ReactNode][];
  warning?: ReactNode;
  /** The button that submits; "Confirm" unless told. */
  confirmLabel?: string;
  /** The form the confirm button submits (the dialog renders outside it). */
  formId: string;
  onClose: () => void;
}) {
  const t = useTranslations('common.confirmDialog');
  const titleId = useId();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: '2fr 3fr', columnGap: 2, rowGap: 1, m: 0 }}>
          {/* The rows are fixed for a form: their order is their identity. */}
          {rows.map(([label, value], index) => (
            <Box key={index} sx={{ display: 'contents', '& > *': { m: 0, py: 0.5, borderBottom: 1, borderColor: 'divider' } }}>
              <Box component="dt" sx={{ fontWeight: 600 }}>{label}</Box>
              <Box component="dd">{value}</Box>
            </Box>
          ))}
        </Box>
        {warning}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('back')}</Button>
        <Button variant="contained" type="submit" form={formId} onClick={onClose} autoFocus>
          {confirmLabel ?? t('confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
