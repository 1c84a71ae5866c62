'use client';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import type { useValidatedForm } from './use-validated-form';

type Form = Pick<ReturnType<typeof useValidatedForm>, 'values' | 'setField' | 'errorOf' | 'textField'>;

/** Delivery switch and the address it requires; the address is confirmed with the member. */
export function DeliveryFields({ form, deliveryNote }: { form: Form; deliveryNote?: string }) {
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
          <TextField
            {...form.textField('address')}
            label="Road-name address"
            required
            helperText={form.errorOf('address') ?? 'Read it back to the member.'}
            slotProps={{ htmlInput: { maxLength: 255 } }}
          />
          <TextField
            {...form.textField('addressDetail')}
            label="Address detail"
            required
            helperText={form.errorOf('addressDetail') ?? 'Building, floor, unit.'}
            slotProps={{ htmlInput: { maxLength: 255 } }}
          />
          <TextField
            {...form.textField('zipCode')}
            label="Postal code"
            required
            helperText={form.errorOf('zipCode') ?? '5 digits.'}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 5 } }}
            sx={{ maxWidth: 200 }}
          />
        </>
      )}
    </Stack>
  );
}
