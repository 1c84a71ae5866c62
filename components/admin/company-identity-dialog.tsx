'use client';
import { useState, useTransition, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslations } from 'next-intl';
import { IDLE, type ActionState } from '@/lib/domain/action-state';
import { companyIdentityLinkSchema, type CompanyIdentityLinkInput } from '@/lib/schemas/operator';
import { FormTextField } from '@/components/forms/form-text-field';
import { useValidatedForm } from '@/components/forms/use-validated-form';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';

/** A company sign-in the console refused lately (from the audit trail): a candidate to link. */
export interface RefusedIdentityRow {
  subject: string;
  claimedEmail: string | null;
  claimedName: string | null;
  /** Why it was refused, in the reader's language. */
  reason: string;
  /** ISO time. */
  at: string;
}

interface Props {
  operator: { id: string; email: string; companySubject: string | null } | null;
  issuer: string;
  refused: RefusedIdentityRow[];
  link: (input: CompanyIdentityLinkInput) => Promise<ActionState>;
  unlink: (input: { id: string }) => Promise<ActionState>;
  /** Closes the dialog; with the answer when something was done. */
  onClose: (done?: ActionState) => void;
}

/**
 * Links a company IdP identity to an operator, or unlinks it. The identity is the IdP's subject
 * at the configured issuer; the identities refused lately are offered, with what they claimed.
 */
export function CompanyIdentityDialog({ operator, ...props }: Props) {
  return (
    <Dialog open={!!operator} onClose={() => props.onClose()} aria-labelledby="company-identity-title" maxWidth="sm" fullWidth>
      {/* Keyed: each operator's dialog starts from what that operator has. */}
      {operator && <CompanyIdentityForm key={operator.id} operator={operator} {...props} />}
    </Dialog>
  );
}

function CompanyIdentityForm({ operator, issuer, refused, link, unlink, onClose }: Omit<Props, 'operator'> & { operator: NonNullable<Props['operator']> }) {
  const t = useTranslations('admin');
  const format = useLocaleFormat();
  const [answer, setAnswer] = useState<ActionState>(IDLE);
  const [pending, startTransition] = useTransition();
  const form = useValidatedForm(companyIdentityLinkSchema, { id: operator.id, subject: '' }, { answer });
  const settle = (call: () => Promise<ActionState>) =>
    startTransition(async () => {
      const result = await call();
      if (result.status === 'ok') onClose(result);
      else setAnswer(result);
    });

  return (
    <Box
      component="form"
      noValidate
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        const input = form.validateAll();
        if (input) settle(() => link(input));
      }}
    >
      <DialogTitle id="company-identity-title">{t('companyIdentity.title', { email: operator.email })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          {answer.status !== 'idle' && answer.status !== 'ok' && <Alert severity="error">{answer.message}</Alert>}
          {operator.companySubject ? (
            <DialogContentText>
              {t.rich('companyIdentity.linked', {
                subject: operator.companySubject,
                issuer,
                email: operator.email,
                code: (chunks) => <code>{chunks}</code>,
              })}
            </DialogContentText>
          ) : (
            <>
              <DialogContentText>
                {t('companyIdentity.toLink', { issuer, email: operator.email })}
              </DialogContentText>
              <FormTextField
                form={form}
                field="subject"
                label={t('companyIdentity.subject')}
                required
                autoFocus
                hint={t('companyIdentity.subjectHint')}
              />
              {refused.length > 0 && (
                <Box component="section" aria-labelledby="refused-identities">
                  <Typography id="refused-identities" variant="subtitle2" component="h3">
                    {t('companyIdentity.refusedHeading')}
                  </Typography>
                  <List dense disablePadding>
                    {refused.map((identity) => (
                      <ListItemButton
                        key={identity.subject}
                        selected={form.values.subject === identity.subject}
                        onClick={() => form.setField('subject', identity.subject)}
                      >
                        <ListItemText
                          primary={`${identity.claimedName ?? t('companyIdentity.noName')} · ${identity.claimedEmail ?? t('companyIdentity.noEmail')}`}
                          secondary={`${identity.subject} · ${identity.reason} · ${format.dateTime(identity.at)}`}
                        />
                      </ListItemButton>
                    ))}
                  </List>
                </Box>
              )}
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>{t('buttons.cancel')}</Button>
        {operator.companySubject ? (
          <Button color="error" variant="contained" loading={pending} onClick={() => settle(() => unlink({ id: operator.id }))}>
            {t('companyIdentity.unlink')}
          </Button>
        ) : (
          <Button type="submit" variant="contained" loading={pending}>
            {t('companyIdentity.link')}
          </Button>
        )}
      </DialogActions>
    </Box>
  );
}
