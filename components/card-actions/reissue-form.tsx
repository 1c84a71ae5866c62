'use client';
import { useTranslations } from 'next-intl';
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

const REASONS = Object.keys(REISSUE_REASONS) as (keyof typeof REISSUE_REASONS)[];

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
  const t = useTranslations('cardActions');
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
        [t('confirm.cardReplaced'), `${card.serviceName}${card.cardNoMasked ? ` · ${card.cardNoMasked}` : ''}`],
        [t('confirm.reason'), reason === 'OTHER' ? String(form.values.reasonText) : t(`reissue.reasons.${reason}`)],
        [
          t('confirm.newProduct'),
          nextServiceId ? describeProduct(products, nextServiceId) : t('confirm.sameProduct', { name: card.serviceName, serviceId: card.serviceId }),
        ],
        deliverySummary(form.values),
      ]}
      warning={
        <Alert severity="warning" sx={{ mt: 2 }}>
          {t('reissue.fee')} {t('reissue.oldCardStops')}
        </Alert>
      }
    >
      <FormControl>
        <FormLabel id="reason-label">{t('reissue.reasonQuestion')}</FormLabel>
        <RadioGroup row aria-labelledby="reason-label" name="reason" value={reason} onChange={(event) => form.setField('reason', event.target.value)}>
          {REASONS.map((value) => (
            <FormControlLabel key={value} value={value} control={<Radio />} label={t(`reissue.reasons.${value}`)} />
          ))}
        </RadioGroup>
      </FormControl>
      {reason === 'OTHER' && (
        <FormTextField form={form} field="reasonText" label={t('reissue.reasonText')} required hint={t('reissue.reasonTextHint')} />
      )}
      <ProductField
        form={form}
        field="nextServiceId"
        label={t('reissue.newProduct')}
        required={false}
        products={products}
        emptyHint={t('reissue.newProductHint', { name: card.serviceName })}
      />
      <DeliveryFields form={form} />
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
