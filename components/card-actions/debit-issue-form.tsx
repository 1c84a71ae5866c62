'use client';
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
  prefill = {},
  ...props
}: CardActionFormProps<IssuedDebitCard> & {
  /** Starting values, e.g. from a QA scenario link. */
  prefill?: { serviceId?: string };
}) {
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
        ['Product', describeProduct(products, serviceId)],
        ['Linked account', `bank ${form.values.bankCode}, account ending ${String(form.values.accountNo).slice(-4)}`],
        ['Cash IC', form.values.enableFIC ? 'Included' : 'Not included'],
        ['Identity verification', 'Resident registration number (not shown)'],
        deliverySummary(form.values),
      ]}
    >
      <ProductField form={form} field="serviceId" label="Debit card product id" products={products} />
      <Stack direction="row" spacing={2}>
        <FormTextField form={form} field="bankCode" label="Bank code" required hint="3 digits." inputMode="numeric" sx={{ width: 160 }} />
        <FormTextField
          form={form}
          field="accountNo"
          label="Account number"
          required
          fullWidth
          hint="The member’s account to link."
          inputMode="numeric"
          autoComplete="off"
        />
      </Stack>
      <FormControlLabel
        control={
          <Checkbox name="enableFIC" checked={!!form.values.enableFIC} onChange={(event) => form.setField('enableFIC', event.target.checked)} />
        }
        label="Include cash IC"
      />
      <FormTextField
        form={form}
        field="residentRegistrationNo"
        type="password"
        label="Resident registration number"
        required
        hint="For identity verification; sent once to Konaplate, never kept."
        inputMode="numeric"
        autoComplete="off"
      />
      <DeliveryFields form={form} />
    </CardActionForm>
  );
}
