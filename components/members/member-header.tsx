'use client';
import { Suspense, use, useActionState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { IDLE, type ActionState } from '@/lib/domain/action-state';
import type { MemberContact, MemberProfile } from '@/lib/domain/member';
import { ActionAlert } from '@/components/feedback/action-alert';
import { UpstreamReference } from '@/components/feedback/correlation-id-link';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import { useCan } from '@/components/shell/permissions-context';

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
    <Paper variant="outlined" component="section" aria-label={t('label')} sx={{ p: 2 }} data-testid="member-header">
      <Suspense fallback={<ProfileLoading />}>
        <ProfileOrFailure profile={profile} reveal={reveal} />
      </Suspense>
    </Paper>
  );
}

function ProfileLoading() {
  const t = useTranslations('members.profile');
  return (
    <Box role="status" aria-label={t('loading')}>
      <Skeleton variant="text" width={220} height={32} />
      <Skeleton variant="text" width="60%" />
    </Box>
  );
}

function ProfileOrFailure({ profile, reveal }: { profile: Promise<ActionState<MemberProfile>>; reveal: RevealContactAction }) {
  const t = useTranslations('members.profile');
  const state = use(profile);
  if (state.status === 'ok') return <Profile profile={state.data} reveal={reveal} />;
  return (
    <Alert severity="warning" data-testid="member-profile-error">
      <AlertTitle>{t('unreadable')}</AlertTitle>
      {state.status !== 'idle' && state.message}
      {state.status === 'upstream-error' && (
        <Typography variant="body2" component="div" sx={{ mt: 1, fontFamily: 'monospace' }}>
          <UpstreamReference code={state.code} correlationId={state.correlationId} />
        </Typography>
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
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h6" component="h2" data-testid="member-name">
          {profile.userName}
        </Typography>
        <Typography color="text.secondary">{t('loginId', { loginId: profile.loginId })}</Typography>
        {contact && <Chip size="small" color="warning" label={t('revealed')} data-testid="member-revealed" />}
        <Box sx={{ flexGrow: 1 }} />
        {mayReveal && !contact && (
          <Box component="form" action={revealAction}>
            <Button type="submit" variant="outlined" size="small" startIcon={<VisibilityIcon />} loading={revealing}>
              {t('reveal')}
            </Button>
          </Box>
        )}
      </Stack>
      <Box
        component="dl"
        sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' }, columnGap: 2, rowGap: 0.5, m: 0 }}
      >
        {rows.map(([label, value, testId]) => (
          <Box key={testId} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {label}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0 }} data-testid={testId}>
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
      {mayReveal && !contact && <Typography variant="caption" color="text.secondary">{t('revealHint')}</Typography>}
      <div aria-live="polite">
        <ActionAlert state={revealed} />
      </div>
    </Stack>
  );
}
