'use client';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import FormControl from '@mui/material/FormControl';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import type { ActionState } from '@/lib/actions/action-state';
import type { IssuedCard } from '@/lib/konaplate/cards';
import { prepaidIssueFormSchema } from '@/lib/schemas/card-requests';
import { ActionAlert } from '@/components/feedback/action-alert';
import { ConfirmDialog } from '@/components/forms/confirm-dialog';
import { DeliveryFields } from '@/components/forms/delivery-fields';
import { useValidatedForm } from '@/components/forms/use-validated-form';
import { CardsAfterUnknownOutcome } from './cards-after-unknown-outcome';
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
    <Box component="form" id={submission.formId} action={submission.formAction} noValidate aria-label="Issue a prepaid card">
      <input type="hidden" name="idempotencyKey" value={submission.key} />
      <input type="hidden" name="userId" value={userId} />
      <Stack spacing={2} sx={{ maxWidth: 560 }}>
        <div aria-live="polite">
          <ActionAlert state={state} />
        </div>
        {state.status === 'upstream-error' && state.outcomeUnknown && <CardsAfterUnknownOutcome userId={userId} />}
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
        <div>
          <Button
            variant="contained"
            disabled={submission.locked}
            loading={submission.pending}
            onClick={() => submission.review(!!form.validateAll())}
          >
            Review and issue
          </Button>
        </div>
      </Stack>
      <ConfirmDialog
        open={submission.confirming}
        title="Issue this prepaid card?"
        confirmLabel="Issue the card"
        rows={[
          ['Member', userId],
          ['Product', product ? `${product.serviceName} (${form.values.serviceId})` : String(form.values.serviceId)],
          ['Delivery', delivering ? 'Physical card delivered' : 'Mobile card only'],
          ...(delivering
            ? ([['Address', `${form.values.address} ${form.values.addressDetail} (${form.values.zipCode})`]] as [string, string][])
            : []),
          ['Purpose', form.values.purpose === 'GIFTABLE' ? 'Gift' : 'For the member'],
        ]}
        formId={submission.formId}
        onClose={submission.close}
      />
    </Box>
  );
}
