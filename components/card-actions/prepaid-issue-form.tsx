'use client';
import { useTranslations } from 'next-intl';
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
  productsFailure,
  prefill = {},
  ...props
}: CardActionFormProps<IssuedCard> & {
  /** Starting values, e.g. from a QA scenario link. */
  prefill?: { serviceId?: string; delivery?: Delivery };
}) {
  const t = useTranslations('cardActions');
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
        [t('confirm.product'), describeProduct(products, serviceId)],
        deliverySummary(form.values),
        [t('confirm.purpose'), form.values.purpose === 'GIFTABLE' ? t('confirm.gift') : t('confirm.forMember')],
      ]}
    >
      <ProductField form={form} field="serviceId" label={t('field.prepaidProduct')} products={products} failure={productsFailure} />
      <DeliveryFields form={form} deliveryNote={deliveryNote} memberProfile={props.memberProfile} />
      <FormControl>
        <FormLabel id="purpose-label">{t('field.purpose')}</FormLabel>
        <RadioGroup
          row
          aria-labelledby="purpose-label"
          name="purpose"
          value={form.values.purpose}
          onChange={(event) => form.setField('purpose', event.target.value)}
        >
          <FormControlLabel value="NONE" control={<Radio />} label={t('field.forMember')} />
          <FormControlLabel value="GIFTABLE" control={<Radio />} label={t('field.asGift')} />
        </RadioGroup>
      </FormControl>
    </CardActionForm>
  );
}
