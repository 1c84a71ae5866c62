'use client';
import { useTranslations } from 'next-intl';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import { Button } from '@/components/primitives/button';
import { Icon } from '@/components/primitives/icons';
import primitives from '@/components/primitives/primitives.module.css';
import styles from './card-list.module.css';

/** When the data on screen was fetched (to the second: a refresh must visibly change it), and a way to fetch it again. */
export function FetchedAt({ at, refreshing, onRefresh }: { at?: string; refreshing: boolean; onRefresh: () => void }) {
  const t = useTranslations('members.cards');
  const format = useLocaleFormat();
  return (
    <div className={styles.fetchedAt}>
      {at && (
        <span className={`${primitives.body2} ${primitives.muted}`} data-testid="fetched-at">
          {t('fetchedAt', { time: `${format.dateTime(at)}:${new Date(at).getSeconds().toString().padStart(2, '0')}` })}
        </span>
      )}
      <Button size="small" icon={<Icon name="refresh" />} onClick={onRefresh} loading={refreshing}>
        {t('refresh')}
      </Button>
    </div>
  );
}
