'use client';
import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import type { IssuedCard } from '@/lib/domain/cards';
import { REISSUE_REASONS, reissueFormSchema } from '@/lib/schemas/card-requests';
import { DeliveryFields, deliverySummary, initialDelivery } from '@/components/forms/delivery-fields';
import { FormTextField } from '@/components/forms/form-text-field';
import { CardActionForm } from './card-action-form';
import { describeProduct, ProductField } from './product-field';
import { useCardActionForm, type CardActionFormProps } from './use-card-action';

const FEE_WARNING =
  'Konaplate may charge the member a reissuance fee, taken from their registered bank account. Tell the member before you confirm.';

/** Replaces one card; which card is bound into the action by the page, with the member id. */
export function ReissueForm({
  card,
  products,
  prefill = {},
  ...props
}: CardActionFormProps<IssuedCard> & {
  /** How the old card is shown: product name and masked number. */
  card: { serviceId: string; serviceName: string; cardNoMasked?: string };
  /** Starting values, e.g. from a QA scenario link. */
  prefill?: { nextServiceId?: string };
}) {
  const { form, frame } = useCardActionForm('reissue-prepaid', props, reissueFormSchema, {
    idempotencyKey: props.idempotencyKey,
    reason: 'LOST',
    reasonText: '',
    nextServiceId: prefill.nextServiceId ?? '',
    ...initialDelivery(),
    feeAcknowledged: false,
  });
  const nextServiceId = String(form.values.nextServiceId);
  const reason = form.values.reason;
  const feeError = form.errorOf('feeAcknowledged');

  return (
    <CardActionForm
      {...frame}
      confirmRows={[
        ['Card replaced', `${card.serviceName}${card.cardNoMasked ? ` · ${card.cardNoMasked}` : ''}`],
        ['Reason', reason === 'OTHER' ? String(form.values.reasonText) : REISSUE_REASONS[reason]],
        ['New card product', nextServiceId ? describeProduct(products, nextServiceId) : `Same as the old card: ${card.serviceName} (${card.serviceId})`],
        deliverySummary(form.values),
      ]}
      warning={
        <Alert severity="warning" sx={{ mt: 2 }}>
          {FEE_WARNING} The old card stops for good.
        </Alert>
      }
    >
      <FormControl>
        <FormLabel id="reason-label">Why is the card replaced?</FormLabel>
        <RadioGroup row aria-labelledby="reason-label" name="reason" value={reason} onChange={(event) => form.setField('reason', event.target.value)}>
          {Object.entries(REISSUE_REASONS).map(([value, label]) => (
            <FormControlLabel key={value} value={value} control={<Radio />} label={label} />
          ))}
        </RadioGroup>
      </FormControl>
      {reason === 'OTHER' && <FormTextField form={form} field="reasonText" label="Reason" required hint="Kept in the audit trail." />}
      <ProductField
        form={form}
        field="nextServiceId"
        label="Product of the new card"
        required={false}
        products={products}
        emptyHint={`Empty: the same product as the old card (${card.serviceName}).`}
      />
      <DeliveryFields form={form} />
      <Alert severity="warning">{FEE_WARNING}</Alert>
      <FormControl error={!!feeError}>
        <FormControlLabel
          control={
            <Checkbox
              name="feeAcknowledged"
              checked={!!form.values.feeAcknowledged}
              onChange={(event) => form.setField('feeAcknowledged', event.target.checked)}
            />
          }
          label="The member accepts a possible reissuance fee"
        />
        {feeError && <FormHelperText>{feeError}</FormHelperText>}
      </FormControl>
    </CardActionForm>
  );
}
