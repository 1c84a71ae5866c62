import { useTranslations } from 'next-intl';
import type { MemberCard } from '@/lib/domain/cards';
import { decodeBizStatus, decodeLifeStatus, decodeMobileStatus, decodePhysicalStatus } from '@/lib/domain/card-status';
import styles from './card-list.module.css';
import { StatusChip } from './status-chip';

/** A member card's states as a wrapping row of chips: ledger, business, mobile, and physical when it has one. */
export function CardStatusChips({ card }: { card: MemberCard }) {
  const t = useTranslations('cards.status.prefix');
  return (
    <div className={styles.chips}>
      <StatusChip status={decodeLifeStatus(card.cardLifeStatus)} prefix={t('ledger')} />
      <StatusChip status={decodeBizStatus(card.cardBizStatus)} />
      <StatusChip status={decodeMobileStatus(card.mobileCardStatus)} prefix={t('mobile')} />
      {card.physicalCardStatus && <StatusChip status={decodePhysicalStatus(card.physicalCardStatus)} prefix={t('physical')} />}
    </div>
  );
}
