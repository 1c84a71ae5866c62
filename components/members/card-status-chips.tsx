'use client';
import { useTranslations } from 'next-intl';
import Stack from '@mui/material/Stack';
import type { SxProps, Theme } from '@mui/material/styles';
import type { MemberCard } from '@/lib/domain/cards';
import { decodeBizStatus, decodeLifeStatus, decodeMobileStatus, decodePhysicalStatus } from '@/lib/domain/card-status';
import { StatusChip } from './status-chip';

/**
 * A member card's states as a wrapping row of chips: ledger, business, mobile, and physical when
 * it has one. `sx` adds to the row's layout (the card detail sets it off from the name above).
 */
export function CardStatusChips({ card, sx = [] }: { card: MemberCard; sx?: SxProps<Theme> }) {
  const t = useTranslations('cards.status.prefix');
  return (
    <Stack direction="row" sx={[{ flexWrap: 'wrap', gap: 0.5 }, ...(Array.isArray(sx) ? sx : [sx])]}>
      <StatusChip status={decodeLifeStatus(card.cardLifeStatus)} prefix={t('ledger')} />
      <StatusChip status={decodeBizStatus(card.cardBizStatus)} />
      <StatusChip status={decodeMobileStatus(card.mobileCardStatus)} prefix={t('mobile')} />
      {card.physicalCardStatus && <StatusChip status={decodePhysicalStatus(card.physicalCardStatus)} prefix={t('physical')} />}
    </Stack>
  );
}
