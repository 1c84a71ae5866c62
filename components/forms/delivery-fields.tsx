'use client';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import { FormTextField } from './form-text-field';
import type { ValidatedForm } from './use-validated-form';

export type Delivery = 'delivery' | 'mobile-only';

/** The delivery fields of a form that opens empty: delivered unless told otherwise. */
export const initialDelivery = (delivery: Delivery = 'delivery') => ({ delivery, address: '', addressDetail: '', zipCode: '' });

/** The confirmation's line about delivery: where the card goes, or that there is none. */
export function deliverySummary(values: Record<string, unknown>): [label: string, value: string] {
  if (values.delivery !== 'delivery') return ['Delivery', 'Mobile card only'];
  return ['Delivery', `${String(values.address)} ${String(values.addressDetail)} (${String(values.zipCode)})`];
}

/** Delivery switch and the address it requires; the address is confirmed with the member. */
export function DeliveryFields({ form, deliveryNote }: { form: Pick<ValidatedForm, 'values' | 'setField' | 'errorOf' | 'textField'>; deliveryNote?: string }) {
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
          label={delivering ? 'Deliver a physical card' : 'Mobile card only (no delivery)'}
        />
        {deliveryNote && (
          <FormHelperText error role="alert">
            {deliveryNote}
          </FormHelperText>
        )}
      </div>
      {delivering && (
        <>
          <FormTextField form={form} field="address" label="Road-name address" required hint="Read it back to the member." />
          <FormTextField form={form} field="addressDetail" label="Address detail" required hint="Building, floor, unit." />
          <FormTextField form={form} field="zipCode" label="Postal code" required hint="5 digits." inputMode="numeric" sx={{ maxWidth: 200 }} />
        </>
      )}
    </Stack>
  );
}
