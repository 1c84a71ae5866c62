'use client';
import { Suspense, use, useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import HomeIcon from '@mui/icons-material/Home';
import type { ActionState } from '@/lib/domain/action-state';
import type { MemberAddress, MemberProfile } from '@/lib/domain/member';
import type { ValidatedForm } from '@/components/forms/use-validated-form';

/** The delivery fields (components/forms/delivery-fields.tsx) the member's address fills. */
function memberAddressFields(address: MemberAddress): { address: string; addressDetail: string; zipCode: string } {
  return { address: address.address, addressDetail: address.addressDetail ?? '', zipCode: address.zipCode ?? '' };
}

type AddressForm = Pick<ValidatedForm, 'setField'>;

/**
 * "Use the member's address" for a delivery form: shows the address Konaplate holds, and only
 * once the agent confirms that the member wants the card there does it fill the delivery
 * fields. They stay editable and are checked like typed ones (an address the form refuses is
 * shown refused, not cleaned). `profile` is the page's loadMemberProfile promise (the one the
 * member header shows): the form does not wait for it; nothing shows until it has an address.
 */
export function MemberAddressPrefill({ profile, form }: { profile: Promise<ActionState<MemberProfile>>; form: AddressForm }) {
  return (
    <Suspense fallback={null}>
      <PrefillOnceRead profile={profile} form={form} />
    </Suspense>
  );
}

function PrefillOnceRead({ profile, form }: { profile: Promise<ActionState<MemberProfile>>; form: AddressForm }) {
  const state = use(profile);
  return state.status === 'ok' && state.data.address ? <AddressPrefill address={state.data.address} form={form} /> : null;
}

function AddressPrefill({ address, form }: { address: MemberAddress; form: AddressForm }) {
  const t = useTranslations('members.addressPrefill');
  const tProfile = useTranslations('members.profile');
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const fields = memberAddressFields(address);

  function fillFields() {
    for (const [field, value] of Object.entries(fields)) form.setField(field, value);
    setOpen(false);
  }

  return (
    <>
      <Button variant="outlined" size="small" startIcon={<HomeIcon />} onClick={() => setOpen(true)} sx={{ alignSelf: 'flex-start' }}>
        {t('use')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId} maxWidth="sm" fullWidth>
        <DialogTitle id={titleId}>{t('title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('askMember')}</DialogContentText>
          <Typography sx={{ mt: 2 }} data-testid="member-address-to-use">
            {tProfile('addressLine', { address: fields.address, detail: fields.addressDetail, zipCode: fields.zipCode })}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('cancel')}</Button>
          <Button variant="contained" onClick={fillFields}>
            {t('confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
