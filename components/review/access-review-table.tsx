'use client';
import NextLink from 'next/link';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslations } from 'next-intl';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import { useAuditWords } from '@/components/audit/use-audit-words';
import type { AccessReviewEntry, AccessReviewSignOffView } from '@/lib/domain/review';

/** Every operator with roles, second factor, last sign-in and what deserves a second look. */
export function AccessReviewTable({ operators, dormantDays }: { operators: AccessReviewEntry[]; dormantDays: number }) {
  const t = useTranslations('review.access');
  const words = useAuditWords();
  const format = useLocaleFormat();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label={t('tableLabel')} sx={{ wordBreak: 'keep-all' }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('columns.operator')}</TableCell>
            <TableCell>{t('columns.roles')}</TableCell>
            <TableCell>{t('columns.active')}</TableCell>
            <TableCell>{t('columns.mfa')}</TableCell>
            <TableCell>{t('columns.lastSignIn')}</TableCell>
            <TableCell>{t('columns.flags')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {operators.map((operator) => (
            <TableRow key={operator.id} data-testid="access-review-row" data-flags={operator.flags.join(' ')}>
              <TableCell>
                <Typography variant="body2">{operator.email}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {operator.name}
                </Typography>
              </TableCell>
              <TableCell>{operator.roles.map(words.role).join(', ')}</TableCell>
              <TableCell>
                {operator.active ? t('active') : t('inactive')}
                {operator.locked && ` · ${t('locked')}`}
              </TableCell>
              <TableCell>{t(`mfa.${operator.mfa}`)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{operator.lastSignInAt ? format.dateTime(operator.lastSignInAt) : t('never')}</TableCell>
              <TableCell>
                <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
                  {operator.flags.map((flag) => (
                    <Chip
                      key={flag}
                      size="small"
                      variant="outlined"
                      color={flag === 'privileged' ? 'default' : 'warning'}
                      label={t(`flags.${flag}`, { days: dormantDays })}
                      sx={{ color: 'text.primary' }}
                    />
                  ))}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** Earlier sign-offs, newest first. */
export function SignOffHistory({ signOffs }: { signOffs: AccessReviewSignOffView[] }) {
  const t = useTranslations('review.access.history');
  const format = useLocaleFormat();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label={t('label')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('at')}</TableCell>
            <TableCell>{t('by')}</TableCell>
            <TableCell align="right">{t('operators')}</TableCell>
            <TableCell align="right">{t('flagged')}</TableCell>
            <TableCell>{t('comment')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {signOffs.map((signOff) => (
            <TableRow key={signOff.id} data-testid="sign-off-row">
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <Link component={NextLink} href={`/review/access/sign-offs/${signOff.id}`} aria-label={`${format.dateTime(signOff.signedAt)}: ${t('open')}`}>
                  {format.dateTime(signOff.signedAt)}
                </Link>
              </TableCell>
              <TableCell>{signOff.signedByEmail}</TableCell>
              <TableCell align="right">{format.count(signOff.operatorCount)}</TableCell>
              <TableCell align="right">{format.count(signOff.flaggedCount)}</TableCell>
              <TableCell sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{signOff.comment}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
