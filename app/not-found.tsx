import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { StatusPage } from '@/components/feedback/status-page';
import { ButtonLink } from '@/components/primitives/button';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors.notFound');
  return { title: t('title') };
}

/** An address the console does not have, or a page's notFound() (a malformed member id). */
export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <StatusPage status={t('notFound.status')} tone="muted" heading={t('notFound.heading')} text={t('notFound.text')}>
      <ButtonLink href="/" variant="contained">
        {t('backToConsole')}
      </ButtonLink>
    </StatusPage>
  );
}
