import { getTranslations } from 'next-intl/server';
import { StatusPage } from '@/components/feedback/status-page';
import { ButtonLink } from '@/components/primitives/button';

export default async function Forbidden() {
  const t = await getTranslations('errors');
  return (
    <StatusPage status={t('forbidden.status')} tone="error" heading={t('forbidden.heading')} text={t('forbidden.text')}>
      <ButtonLink href="/" variant="contained">
        {t('backToConsole')}
      </ButtonLink>
    </StatusPage>
  );
}
