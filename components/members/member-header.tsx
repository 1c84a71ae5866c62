'use client';
import { Suspense, use, useActionState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { IDLE, type ActionState } from '@/lib/domain/action-state';
import type { MemberContact, MemberProfile } from '@/lib/domain/member';
import { ActionAlert } from '@/components/feedback/action-alert';
import { UpstreamReference } from '@/components/feedback/correlation-id-link';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import { Alert } from '@/components/primitives/alert';
import { Button } from '@/components/primitives/button';
import { Icon } from '@/components/primitives/icons';
import { Skeleton } from '@/components/primitives/progress';
import primitives from '@/components/primitives/primitives.module.css';
import { useCan } from '@/components/shell/permissions-context';
import styles from './member-header.module.css';

/** The reveal server action, bound by the page to its member. */
export type RevealContactAction = (prev: ActionState<MemberContact>, formData: FormData) => Promise<ActionState<MemberContact>>;

/**
 * Whom the agent is speaking to, at the top of every member page: name, masked mobile number
 * and e-mail, join channel, address. The profile streams in (the page passes the promise of
 * loadMemberProfile): the rest of the page neither waits for it nor fails with it.
 * `Reveal` shows the full contact details to an operator with `members.reveal` (checked again
 * by the action, which audits it), until the page is left.
 */
export function MemberHeader({ profile, reveal }: { profile: Promise<ActionState<MemberProfile>>; reveal: RevealContactAction }) {
  const t = useTranslations('members.profile');
  return (
    <section aria-label={t('label')} className={primitives.panel} data-testid="member-header">
      <Suspense fallback={<ProfileLoading />}>
        <ProfileOrFailure profile={profile} reveal={reveal} />
      </Suspense>
    </section>
  );
}

function ProfileLoading() {
  const t = useTranslations('members.profile');
  return (
    <div role="status" aria-label={t('loading')}>
      <Skeleton width={220} />
      <Skeleton width="60%" />
    </div>
  );
}

function ProfileOrFailure({ profile, reveal }: { profile: Promise<ActionState<MemberProfile>>; reveal: RevealContactAction }) {
  const t = useTranslations('members.profile');
  const state = use(profile);
  if (state.status === 'ok') return <Profile profile={state.data} reveal={reveal} />;
  return (
    <Alert severity="warning" title={t('unreadable')} data-testid="member-profile-error">
      {state.status !== 'idle' && state.message}
      {state.status === 'upstream-error' && (
        <div className={styles.reference}>
          <UpstreamReference code={state.code} correlationId={state.correlationId} />
        </div>
      )}
    </Alert>
  );
}

/** Join channels with words (the sandbox's; Konaplate does not document them): another is shown as sent. */
const KNOWN_CHANNELS = ['APP', 'WEB', 'PARTNER'] as const;
const isKnownChannel = (channel: string): channel is (typeof KNOWN_CHANNELS)[number] => (KNOWN_CHANNELS as readonly string[]).includes(channel);

function Profile({ profile, reveal }: { profile: MemberProfile; reveal: RevealContactAction }) {
  const t = useTranslations('members.profile');
  const format = useLocaleFormat();
  const mayReveal = useCan('members.reveal');
  const [revealed, revealAction, revealing] = useActionState(reveal, IDLE);
  const contact = revealed.status === 'ok' ? revealed.data : undefined;
  const channel = profile.joinChannel;
  const address = profile.address;
  const none = t('none');

  const rows: [label: string, value: ReactNode, testId: string][] = [
    [t('mobile'), (contact ? contact.mobileNumber : profile.mobileNumberMasked) ?? none, 'member-mobile'],
    [t('email'), (contact ? contact.email : profile.emailMasked) ?? none, 'member-email'],
    [t('joinChannel'), channel ? (isKnownChannel(channel) ? t(`channel.${channel}`) : channel) : none, 'member-join-channel'],
    [t('address'), address ? t('addressLine', { address: address.address, detail: address.addressDetail ?? '', zipCode: address.zipCode ?? '' }) : none, 'member-address'],
    ...(contact ? [[t('birthDate'), contact.birthDate ? format.compactDate(contact.birthDate) : none, 'member-birth-date'] as [string, ReactNode, string]] : []),
  ];

  return (
    <div className={styles.profile}>
      <div className={styles.nameRow}>
        <h2 className={primitives.h6} data-testid="member-name">
          {profile.userName}
        </h2>
        <span className={primitives.muted}>{t('loginId', { loginId: profile.loginId })}</span>
        {contact && (
          <span className={`${primitives.chip} ${primitives.chipWarning}`} data-testid="member-revealed">
            {t('revealed')}
          </span>
        )}
        {mayReveal && !contact && (
          <form action={revealAction} className={styles.reveal}>
            <Button type="submit" variant="outlined" size="small" icon={<Icon name="visibility" />} loading={revealing}>
              {t('reveal')}
            </Button>
          </form>
        )}
      </div>
      <dl className={styles.details}>
        {rows.map(([label, value, testId]) => (
          <div key={testId} className={styles.detail}>
            <dt className={primitives.muted}>{label}</dt>
            <dd data-testid={testId}>{value}</dd>
          </div>
        ))}
      </dl>
      {mayReveal && !contact && <p className={primitives.caption}>{t('revealHint')}</p>}
      <div aria-live="polite">
        <ActionAlert state={revealed} />
      </div>
    </div>
  );
}
