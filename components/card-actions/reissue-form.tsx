'use client';
import { useTranslations } from 'next-intl';
import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import type { IssuedCard } from '@/lib/domain/cards';
import { reissueFormSchema } from '@/lib/schemas/card-requests';
import { DeliveryFields, deliverySummary, initialDelivery } from '@/components/forms/delivery-fields';
import { CardActionForm } from './card-action-form';
import { ConsequencePreview, type PendingReplacement } from './consequence-preview';
import { describeProduct, ProductField } from './product-field';
import { ReasonFields } from './reason-fields';
import { useCardActionForm, type CardActionFormProps } from './use-card-action';

/** Replaces one card; which card is bound into the action by the page, with the member id. */
export function ReissueForm({
  card,
  products,
  productsFailure,
  prefill = {},
  pendingReplacement,
  ...props
}: CardActionFormProps<IssuedCard> & {
  /** How the old card is shown: product name and masked number. */
  card: { serviceId: string; serviceName: string; cardNoMasked?: string };
  /** Starting values, e.g. from a QA scenario link. */
  prefill?: { nextServiceId?: string };
  /** A replacement this console already asked for this card. */
  pendingReplacement?: PendingReplacement;
}) {
  const t = useTranslations('cardActions');
  const tReason = useTranslations('cards.statusChangeReasons');
  const { form, frame } = useCardActionForm('reissue-prepaid', props, reissueFormSchema, {
    idempotencyKey: props.idempotencyKey,
    reason: 'lost',
    reasonText: '',
    nextServiceId: prefill.nextServiceId ?? '',
    ...initialDelivery(),
    feeAcknowledged: false,
  });
  const nextServiceId = String(form.values.nextServiceId);
  const reason = form.values.reason;
  const feeError = form.errorOf('feeAcknowledged');
  const newProduct = nextServiceId ? describeProduct(products, nextServiceId) : t('confirm.sameProduct', { name: card.serviceName, serviceId: card.serviceId });
  const [deliveryLabel, destination] = deliverySummary(form.values);

  return (
    <CardActionForm
      {...frame}
      confirmRows={[
        [t('confirm.cardReplaced'), `${card.serviceName}${card.cardNoMasked ? ` · ${card.cardNoMasked}` : ''}`],
        [t('confirm.reason'), reason === 'other' ? String(form.values.reasonText) : tReason(reason)],
        [t('confirm.newProduct'), newProduct],
        [deliveryLabel, destination],
      ]}
      warning={<ConsequencePreview kind="reissue" newProduct={newProduct} delivery={destination} pendingReplacement={pendingReplacement} />}
    >
      <ReasonFields form={form} question={t('reissue.reasonQuestion')} />
      <ProductField
        form={form}
        field="nextServiceId"
        label={t('reissue.newProduct')}
        required={false}
        products={products}
        failure={productsFailure}
        emptyHint={t('reissue.newProductHint', { name: card.serviceName })}
      />
      <DeliveryFields form={form} memberProfile={props.memberProfile} />
      <Alert severity="warning">{t('reissue.fee')}</Alert>
      <FormControl error={!!feeError}>
        <FormControlLabel
          control={
            <Checkbox
              name="feeAcknowledged"
              checked={!!form.values.feeAcknowledged}
              onChange={(event) => form.setField('feeAcknowledged', event.target.checked)}
            />
          }
          label={t('reissue.feeAccepted')}
        />
        {feeError && <FormHelperText>{feeError}</FormHelperText>}
      </FormControl>
    </CardActionForm>
  );
}
