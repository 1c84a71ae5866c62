'use client';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import FormControl from '@mui/material/FormControl';
import FormLabel from '@mui/material/FormLabel';
import type { ActionState } from '@/lib/domain/action-state';
import type { IssuedCard } from '@/lib/domain/cards';
import { prepaidIssueFormSchema } from '@/lib/schemas/card-requests';
import { DeliveryFields } from '@/components/forms/delivery-fields';
import { useValidatedForm } from '@/components/forms/use-validated-form';
import { CardActionForm } from './card-action-form';
import { IssuedCardOutcome } from './issued-card-outcome';
import { ProductField, type ProductOption } from './product-field';
import { useCardAction } from './use-card-action';

type State = ActionState<IssuedCard> & { replayed?: true };

export function PrepaidIssueForm({
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
  prefill?: { serviceId?: string; delivery?: 'delivery' | 'mobile-only' };
}) {
  const submission = useCardAction(action, idempotencyKey);
  const { state } = submission;
  const form = useValidatedForm(
    prepaidIssueFormSchema,
    {
      idempotencyKey,
      userId,
      serviceId: prefill.serviceId ?? '',
      delivery: prefill.delivery ?? 'delivery',
      address: '',
      addressDetail: '',
      zipCode: '',
      purpose: 'NONE',
    },
    submission.serverErrors,
  );

  if (state.status === 'ok') {
    return (
      <IssuedCardOutcome
        title="Prepaid card issued"
        userId={userId}
        cardApplyNo={state.data.cardApplyNo}
        mobileCardNoMasked={state.data.mobileCardNoMasked}
        replayed={state.replayed}
      />
    );
  }

  const product = products.find((p) => p.serviceId === form.values.serviceId);
  const delivering = form.values.delivery === 'delivery';

  return (
    <CardActionForm
      submission={submission}
      label="Issue a prepaid card"
      userId={userId}
      reviewLabel="Review and issue"
      validate={() => !!form.validateAll()}
      confirm={{
        title: 'Issue this prepaid card?',
        confirmLabel: 'Issue the card',
        rows: [
          ['Member', userId],
          ['Product', product ? `${product.serviceName} (${form.values.serviceId})` : String(form.values.serviceId)],
          ['Delivery', delivering ? 'Physical card delivered' : 'Mobile card only'],
          ...(delivering
            ? ([['Address', `${form.values.address} ${form.values.addressDetail} (${form.values.zipCode})`]] as [string, string][])
            : []),
          ['Purpose', form.values.purpose === 'GIFTABLE' ? 'Gift' : 'For the member'],
        ],
      }}
    >
      <ProductField
        label="Card product id"
        value={String(form.values.serviceId)}
        onChange={(serviceId) => form.setField('serviceId', serviceId)}
        error={form.errorOf('serviceId')}
        products={products}
      />
      <DeliveryFields form={form} deliveryNote={state.status === 'upstream-error' && state.code === '003_024' ? state.message : undefined} />
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
