import { useTranslations } from 'next-intl';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import { verdictValues, type CardVerdict } from '@/lib/domain/card-verdict';
import styles from './card-list.module.css';

/** A card's verdict in words (lib/domain/card-verdict.ts), said before its status chips. */
export function CardVerdictLine({ verdict }: { verdict: CardVerdict }) {
  const t = useTranslations('cards.verdict');
  const format = useLocaleFormat();
  const values = verdictValues(verdict);
  const since = verdict.kind === 'suspendedLost' && verdict.since ? format.date(verdict.since) : values.since;
  return (
    <p className={styles.verdict} data-testid="card-verdict" data-verdict={verdict.kind}>
      {/* The colour is on the dot only: coloured text would fail contrast on the light theme. */}
      <span aria-hidden className={`${styles.dot} ${styles[`dot${verdict.tone}`]}`} />
      {t(verdict.kind, { ...values, ...(since ? { since } : {}) })}
    </p>
  );
}
