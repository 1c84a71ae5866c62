'use client';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import type { IssuedCard } from '@/lib/domain/cards';
import { prepaidIssueFormSchema } from '@/lib/schemas/card-requests';
import { DeliveryFields, deliverySummary, initialDelivery, type Delivery } from '@/components/forms/delivery-fields';
import { CardActionForm } from './card-action-form';
import { describeProduct, ProductField } from './product-field';
import { useCardActionForm, type CardActionFormProps } from './use-card-action';

export function PrepaidIssueForm({
  products,
  prefill = {},
  ...props
}: CardActionFormProps<IssuedCard> & {
  /** Starting values, e.g. from a QA scenario link. */
  prefill?: { serviceId?: string; delivery?: Delivery };
}) {
  const { form, state, frame } = useCardActionForm('issue-prepaid', props, prepaidIssueFormSchema, {
    idempotencyKey: props.idempotencyKey,
    serviceId: prefill.serviceId ?? '',
    ...initialDelivery(prefill.delivery),
    purpose: 'NONE',
  });
  const serviceId = String(form.values.serviceId);
  // Konaplate's "must be delivered" answer belongs next to the delivery switch.
  const deliveryNote = state.status === 'upstream-error' && state.code === '003_024' ? state.message : undefined;

  return (
    <CardActionForm
      {...frame}
      confirmRows={[
        ['Product', describeProduct(products, serviceId)],
        deliverySummary(form.values),
        ['Purpose', form.values.purpose === 'GIFTABLE' ? 'Gift' : 'For the member'],
      ]}
    >
      <ProductField form={form} field="serviceId" label="Card product id" products={products} />
      <DeliveryFields form={form} deliveryNote={deliveryNote} />
      <FormControl>
        <FormLabel id="purpose-label">Purpose</FormLabel>
        <RadioGroup
          row
          aria-labelledby="purpose-label"
          name="purpose"
          value={form.values.purpose}
          onChange={(event) => form.setField('purpose', event.target.value)}
        >
          <FormControlLabel value="NONE" control={<Radio />} label="For the member" />
          <FormControlLabel value="GIFTABLE" control={<Radio />} label="As a gift (GIFTABLE)" />
        </RadioGroup>
      </FormControl>
    </CardActionForm>
  );
}
