'use client';
import { useTranslations } from 'next-intl';
import { StatusPage } from '@/components/feedback/status-page';
import { Button, ButtonLink } from '@/components/primitives/button';
import primitives from '@/components/primitives/primitives.module.css';

/**
 * A page that failed on the server (or in the browser): the operator reads what to do, and the
 * error's digest, which the server log carries too, for the admin to find it. Never the error's
 * own message: it is for engineers, and may hold details an operator should not see.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('errors');
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : undefined;
  return (
    <StatusPage
      status={t('failed.status')}
      tone="error"
      heading={t('failed.heading')}
      text={t('failed.text')}
      reference={
        digest && (
          <p className={`${primitives.body2} ${primitives.muted}`} data-testid="error-reference">
            {t('failed.reference', { digest })}
          </p>
        )
      }
    >
      <Button variant="contained" onClick={() => retry()}>
        {t('failed.retry')}
      </Button>
      <ButtonLink href="/">{t('backToConsole')}</ButtonLink>
    </StatusPage>
  );
}
