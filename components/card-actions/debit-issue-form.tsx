'use client';
import { useTranslations } from 'next-intl';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import type { IssuedDebitCard } from '@/lib/domain/cards';
import { debitIssueFormSchema } from '@/lib/schemas/card-requests';
import { DeliveryFields, deliverySummary, initialDelivery } from '@/components/forms/delivery-fields';
import { FormTextField } from '@/components/forms/form-text-field';
import { CardActionForm } from './card-action-form';
import { describeProduct, ProductField } from './product-field';
import { useCardActionForm, type CardActionFormProps } from './use-card-action';

// The identity number is typed for one request only: gone from the form after any answer.
const FORGET_AFTER_ANSWER = ['residentRegistrationNo'] as const;

export function DebitIssueForm({
  products,
  productsFailure,
  prefill = {},
  ...props
}: CardActionFormProps<IssuedDebitCard> & {
  /** Starting values, e.g. from a QA scenario link. */
  prefill?: { serviceId?: string };
}) {
  const t = useTranslations('cardActions');
  const { form, frame } = useCardActionForm(
    'issue-debit',
    props,
    debitIssueFormSchema,
    {
      idempotencyKey: props.idempotencyKey,
      serviceId: prefill.serviceId ?? '',
      bankCode: '',
      accountNo: '',
      enableFIC: false,
      residentRegistrationNo: '',
      ...initialDelivery(),
    },
    { forgetOnAnswer: FORGET_AFTER_ANSWER },
  );
  const serviceId = String(form.values.serviceId);

  return (
    <CardActionForm
      {...frame}
      confirmRows={[
        [t('confirm.product'), describeProduct(products, serviceId)],
        [
          t('confirm.linkedAccount'),
          t('confirm.linkedAccountValue', { bankCode: String(form.values.bankCode), lastDigits: String(form.values.accountNo).slice(-4) }),
        ],
        [t('confirm.cashIc'), form.values.enableFIC ? t('confirm.included') : t('confirm.notIncluded')],
        [t('confirm.identity'), t('confirm.identityValue')],
        deliverySummary(form.values),
      ]}
    >
      <ProductField form={form} field="serviceId" label={t('field.debitProduct')} products={products} failure={productsFailure} />
      <Stack direction="row" spacing={2}>
        <FormTextField
          form={form}
          field="bankCode"
          label={t('field.bankCode')}
          required
          hint={t('field.bankCodeHint')}
          inputMode="numeric"
          sx={{ width: 160 }}
        />
        <FormTextField
          form={form}
          field="accountNo"
          label={t('field.accountNo')}
          required
          fullWidth
          hint={t('field.accountNoHint')}
          inputMode="numeric"
          autoComplete="off"
        />
      </Stack>
      <FormControlLabel
        control={
          <Checkbox name="enableFIC" checked={!!form.values.enableFIC} onChange={(event) => form.setField('enableFIC', event.target.checked)} />
        }
        label={t('field.includeCashIc')}
      />
      <FormTextField
        form={form}
        field="residentRegistrationNo"
        type="password"
        label={t('field.residentRegistrationNo')}
        required
        hint={t('field.residentRegistrationNoHint')}
        inputMode="numeric"
        autoComplete="off"
      />
      <DeliveryFields form={form} memberProfile={props.memberProfile} />
    </CardActionForm>
  );
}
