'use client';
import { useTranslations } from 'next-intl';
import Autocomplete from '@mui/material/Autocomplete';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ActionAlert } from '@/components/feedback/action-alert';
import type { ActionState } from '@/lib/domain/action-state';
import type { ValidatedForm } from '@/components/forms/use-validated-form';

export interface ProductOption {
  serviceId: string;
  serviceName: string;
}

/** A product as the confirmation names it: its name and id, or the id alone when unknown. */
export function describeProduct(products: readonly ProductOption[], serviceId: string): string {
  const product = products.find((p) => p.serviceId === serviceId);
  return product ? `${product.serviceName} (${serviceId})` : serviceId;
}

/**
 * A card product id, bound to `field` of a validated form: chosen from the suggestions, or typed
 * (15 letters and digits). Below it: its error, else the chosen product's name, else `emptyHint`.
 */
export function ProductField({
  form,
  field,
  label,
  products,
  emptyHint,
  failure,
  required = true,
}: {
  form: Pick<ValidatedForm, 'values' | 'setField' | 'errorOf'>;
  field: string;
  label: string;
  products: ProductOption[];
  emptyHint?: string;
  /** Why there are no names to choose from: said above the field, which then takes a typed id. */
  failure?: ActionState<never>;
  required?: boolean;
}) {
  const t = useTranslations('cardActions.field');
  const value = String(form.values[field] ?? '');
  const error = form.errorOf(field);
  const nameOf = (id: string) => products.find((p) => p.serviceId === id)?.serviceName;
  const autocomplete = (
    <Autocomplete
      freeSolo
      options={products.map((p) => p.serviceId)}
      getOptionLabel={(id) => (nameOf(id) ? `${id} — ${nameOf(id)}` : id)}
      inputValue={value}
      onInputChange={(_event, input) => form.setField(field, input.split(' — ')[0] ?? '')}
      renderInput={(params) => (
        <TextField
          {...params}
          name={field}
          label={label}
          required={required}
          error={!!error}
          helperText={error ?? nameOf(value) ?? emptyHint ?? t('productHint')}
        />
      )}
    />
  );
  if (!failure) return autocomplete;
  return (
    <Stack spacing={1} data-testid="products-unavailable">
      <Typography variant="body2">{t('productsUnavailable')}</Typography>
      <ActionAlert state={failure} />
      {autocomplete}
    </Stack>
  );
}
