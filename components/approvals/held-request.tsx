'use client';
import { useTranslations } from 'next-intl';
import Box from '@mui/material/Box';
import type { ApprovalRequestView } from '@/lib/domain/approvals';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import { useApprovalWords } from './approval-words';

type InputKey = 'par' | 'nextServiceId' | 'serviceId' | 'purpose' | 'bankCode' | 'accountNo' | 'enableFIC' | 'isDeliveryRequired' | 'address';
const INPUT_KEYS: readonly InputKey[] = ['par', 'serviceId', 'nextServiceId', 'purpose', 'bankCode', 'accountNo', 'enableFIC', 'isDeliveryRequired', 'address'];

/** A request as the checker reads it: who asked, when, why, and what will be sent. */
export function HeldRequest({ request }: { request: ApprovalRequestView }) {
  const t = useTranslations('approvals');
  const words = useApprovalWords();
  const format = useLocaleFormat();
  const value = (key: InputKey): string | undefined => {
    const raw = request.input[key];
    if (raw === undefined || raw === null) return key === 'nextServiceId' && request.action === 'reissue-prepaid' ? t('input.sameProduct') : undefined;
    if (typeof raw === 'boolean') return raw ? t('input.yes') : t('input.no');
    if (typeof raw === 'object') {
      const { zipCode, address, addressDetail } = raw as Record<string, string>;
      return [zipCode && `(${zipCode})`, address, addressDetail].filter(Boolean).join(' ');
    }
    return String(raw);
  };
  const rows: [string, string][] = [
    [t('queue.action'), words.action(request)],
    [t('mine.status'), t(`statuses.${request.status}`)],
    [t('queue.member'), request.memberId],
    [t('queue.reason'), words.reason(request)],
    [t('queue.maker'), t('detail.requested', { email: request.makerEmail, at: format.dateTime(request.createdAt) })],
    ...(request.status === 'pending' ? [[t('queue.expiresAt'), t('detail.expires', { at: format.dateTime(request.expiresAt) })] as [string, string]] : []),
    ...(request.checkerEmail && request.decidedAt
      ? [[t('mine.outcome'), t('detail.decided', { email: request.checkerEmail, at: format.dateTime(request.decidedAt) })] as [string, string]]
      : []),
    ...(request.decisionComment ? [['', t('detail.decidedComment', { comment: request.decisionComment })] as [string, string]] : []),
    ...(request.outcome ? [['', [request.outcome.message, request.outcome.code, request.outcome.correlationId].filter(Boolean).join(' · ')] as [string, string]] : []),
    ...INPUT_KEYS.flatMap((key): [string, string][] => {
      const shown = value(key);
      return shown === undefined ? [] : [[t(`input.${key}`), shown]];
    }),
  ];
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'minmax(10rem, 1fr) 3fr', columnGap: 2, rowGap: 0.5, m: 0, maxWidth: 900 }}>
      {rows.map(([label, shown], index) => (
        <Box key={index} sx={{ display: 'contents', '& > *': { m: 0, py: 0.5, borderBottom: 1, borderColor: 'divider' } }}>
          <Box component="dt" sx={{ fontWeight: 600 }}>
            {label}
          </Box>
          <Box component="dd" sx={{ overflowWrap: 'anywhere' }}>
            {shown}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
