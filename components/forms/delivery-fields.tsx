'use client';
import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import { MemberAddressPrefill } from '@/components/members/member-address-prefill';
import type { ActionState } from '@/lib/domain/action-state';
import type { MemberProfile } from '@/lib/domain/member';
import { FormTextField } from './form-text-field';
import type { ValidatedForm } from './use-validated-form';

export type Delivery = 'delivery' | 'mobile-only';

/** The delivery fields of a form that opens empty: delivered unless told otherwise. */
export const initialDelivery = (delivery: Delivery = 'delivery') => ({ delivery, address: '', addressDetail: '', zipCode: '' });

function DeliveryLabel() {
  return useTranslations('common.delivery')('label');
}

function DeliveryDestination({ values }: { values: Record<string, unknown> }) {
  const t = useTranslations('common.delivery');
  if (values.delivery !== 'delivery') return t('mobileOnly');
  return `${String(values.address)} ${String(values.addressDetail)} (${String(values.zipCode)})`;
}

/** The confirmation's line about delivery: where the card goes, or that there is none (in the reader's language). */
export function deliverySummary(values: Record<string, unknown>): [label: ReactNode, value: ReactNode] {
  return [<DeliveryLabel key="label" />, <DeliveryDestination key="value" values={values} />];
}

/** Delivery switch and the address it requires; the address is confirmed with the member. */
export function DeliveryFields({
  form,
  deliveryNote,
  memberProfile,
}: {
  form: Pick<ValidatedForm, 'values' | 'setField' | 'errorOf' | 'textField'>;
  deliveryNote?: string;
  /** The member's profile as the page read it: offers their address, once the agent confirms it. */
  memberProfile?: Promise<ActionState<MemberProfile>>;
}) {
  const t = useTranslations('common.delivery');
  const delivering = form.values.delivery === 'delivery';
  return (
    <Stack spacing={2}>
      <input type="hidden" name="delivery" value={String(form.values.delivery)} />
      <div>
        <FormControlLabel
          control={
            <Switch
              checked={delivering}
              onChange={(event) => form.setField('delivery', event.target.checked ? 'delivery' : 'mobile-only')}
            />
          }
          label={delivering ? t('deliver') : t('noDelivery')}
        />
        {deliveryNote && (
          <FormHelperText error role="alert">
            {deliveryNote}
          </FormHelperText>
        )}
      </div>
      {delivering && (
        <>
          {memberProfile && <MemberAddressPrefill profile={memberProfile} form={form} />}
          <FormTextField form={form} field="address" label={t('address')} required hint={t('addressHint')} />
          <FormTextField form={form} field="addressDetail" label={t('addressDetail')} required hint={t('addressDetailHint')} />
          <FormTextField form={form} field="zipCode" label={t('zipCode')} required hint={t('zipCodeHint')} inputMode="numeric" sx={{ maxWidth: 200 }} />
        </>
      )}
    </Stack>
  );
}
