'use client';
import { useState } from 'react';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { ActionState } from '@/lib/domain/action-state';
import type { IssuedDebitCard } from '@/lib/domain/cards';
import { debitIssueFormSchema } from '@/lib/schemas/card-requests';
import { DeliveryFields } from '@/components/forms/delivery-fields';
import { useValidatedForm } from '@/components/forms/use-validated-form';
import { CardActionForm } from './card-action-form';
import { IssuedCardOutcome } from './issued-card-outcome';
import { ProductField, type ProductOption } from './product-field';
import { useCardAction } from './use-card-action';

type State = ActionState<IssuedDebitCard> & { replayed?: true };

export function DebitIssueForm({
  userId,
  idempotencyKey,
  products,
  action,
  prefill = {},
}: {
  userId: string;
  idempotencyKey: string;
  products: ProductOption[];
  action: (prev: State, formData: FormData) => Promise<State>;
  /** Starting values, e.g. from a QA scenario link. */
  prefill?: { serviceId?: string };
}) {
  const submission = useCardAction(action, idempotencyKey);
  const { state } = submission;
  const form = useValidatedForm(
    debitIssueFormSchema,
    {
      idempotencyKey,
      userId,
      serviceId: prefill.serviceId ?? '',
      bankCode: '',
      accountNo: '',
      enableFIC: false,
      residentRegistrationNo: '',
      delivery: 'delivery',
      address: '',
      addressDetail: '',
      zipCode: '',
    },
    submission.serverErrors,
  );
  // The identity number is typed for one request only: gone from the form after any answer.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.status !== 'idle') form.setField('residentRegistrationNo', '');
  }

  if (state.status === 'ok') {
    return (
      <IssuedCardOutcome
        title="Debit card issued"
        userId={userId}
        cardApplyNo={state.data.cardApplyNo}
        mobileCardNoMasked={state.data.mobileCardNoMasked}
        physicalCardNoMasked={state.data.physicalCardNoMasked}
        replayed={state.replayed}
      />
    );
  }

  const product = products.find((p) => p.serviceId === form.values.serviceId);
  const delivering = form.values.delivery === 'delivery';

  return (
    <CardActionForm
      submission={submission}
      label="Issue a debit card"
      userId={userId}
      reviewLabel="Review and issue"
      validate={() => !!form.validateAll()}
      confirm={{
        title: 'Issue this debit card?',
        confirmLabel: 'Issue the card',
        rows: [
          ['Member', userId],
          ['Product', product ? `${product.serviceName} (${form.values.serviceId})` : String(form.values.serviceId)],
          ['Linked account', `bank ${form.values.bankCode}, account ending ${String(form.values.accountNo).slice(-4)}`],
          ['Cash IC', form.values.enableFIC ? 'Included' : 'Not included'],
          ['Identity verification', 'Resident registration number (not shown)'],
          ['Delivery', delivering ? `${form.values.address} ${form.values.addressDetail} (${form.values.zipCode})` : 'Mobile card only'],
        ],
      }}
    >
      <ProductField
        label="Debit card product id"
        value={String(form.values.serviceId)}
        onChange={(serviceId) => form.setField('serviceId', serviceId)}
        error={form.errorOf('serviceId')}
        products={products}
      />
      <Stack direction="row" spacing={2}>
        <TextField
          {...form.textField('bankCode')}
          label="Bank code"
          required
          helperText={form.errorOf('bankCode') ?? '3 digits.'}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 3 } }}
          sx={{ width: 160 }}
        />
        <TextField
          {...form.textField('accountNo')}
          label="Account number"
          required
          fullWidth
          helperText={form.errorOf('accountNo') ?? 'The member’s account to link.'}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 24, autoComplete: 'off' } }}
        />
      </Stack>
      <FormControlLabel
        control={
          <Checkbox
            name="enableFIC"
            checked={!!form.values.enableFIC}
            onChange={(event) => form.setField('enableFIC', event.target.checked)}
          />
        }
        label="Include cash IC"
      />
      <TextField
        {...form.textField('residentRegistrationNo')}
        type="password"
        label="Resident registration number"
        required
        helperText={
          form.errorOf('residentRegistrationNo') ?? 'For identity verification; sent once to Konaplate, never kept.'
        }
        slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 14, autoComplete: 'off' } }}
      />
      <DeliveryFields form={form} />
    </CardActionForm>
  );
}
