'use client';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';

export interface ProductOption {
  serviceId: string;
  serviceName: string;
}

/** A card product id: chosen from the suggestions, or typed (15 characters). */
export function ProductField({
  label,
  name = 'serviceId',
  value,
  onChange,
  error,
  products,
  emptyHint = '15 characters; choose or type.',
  required = true,
}: {
  label: string;
  name?: string;
  value: string;
  onChange: (serviceId: string) => void;
  error?: string;
  products: ProductOption[];
  emptyHint?: string;
  required?: boolean;
}) {
  const nameOf = (id: string) => products.find((p) => p.serviceId === id)?.serviceName;
  return (
    <Autocomplete
      freeSolo
      options={products.map((p) => p.serviceId)}
      getOptionLabel={(id) => (nameOf(id) ? `${id} — ${nameOf(id)}` : id)}
      inputValue={value}
      onInputChange={(_event, input) => onChange(input.split(' — ')[0] ?? '')}
      renderInput={(params) => (
        <TextField
          {...params}
          name={name}
          label={label}
          required={required}
          error={!!error}
          helperText={error ?? nameOf(value) ?? emptyHint}
        />
      )}
    />
  );
}
