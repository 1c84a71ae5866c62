'use client';
import { useId } from 'react';
import { useTranslations } from 'next-intl';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { FormTextField } from '@/components/forms/form-text-field';
import type { ValidatedForm } from '@/components/forms/use-validated-form';
import { STATUS_CHANGE_REASONS } from '@/lib/domain/status-reasons';

/**
 * Why a card's state changes: one reason of the vocabulary, and for "other" the operator's
 * words. Kept with the audit event and shown on the card's timeline. `autoFocus` puts the
 * keyboard on the first choice (a dialog opening on these fields).
 */
export function ReasonFields({
  form,
  question,
  autoFocus,
}: {
  form: Pick<ValidatedForm, 'values' | 'setField' | 'errorOf' | 'textField'>;
  question: string;
  autoFocus?: boolean;
}) {
  const t = useTranslations('cards.statusChangeReasons');
  const tField = useTranslations('cardActions.reason');
  const labelId = useId();
  const reason = String(form.values.reason ?? '');
  const error = form.errorOf('reason');
  return (
    <>
      <FormControl error={!!error} required>
        <FormLabel id={labelId}>{question}</FormLabel>
        <RadioGroup row aria-labelledby={labelId} name="reason" value={reason} onChange={(event) => form.setField('reason', event.target.value)}>
          {STATUS_CHANGE_REASONS.map((value, index) => (
            <FormControlLabel
              key={value}
              value={value}
              control={<Radio autoFocus={autoFocus && (reason ? reason === value : index === 0)} />}
              label={t(value)}
            />
          ))}
        </RadioGroup>
        {error && <FormHelperText>{error}</FormHelperText>}
      </FormControl>
      {reason === 'other' && <FormTextField form={form} field="reasonText" label={tField('text')} required hint={tField('textHint')} />}
    </>
  );
}
