'use client';
import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import type { ActionState } from '@/lib/domain/action-state';
import type { IssuedCard } from '@/lib/domain/cards';
import { REISSUE_REASONS, reissueFormSchema } from '@/lib/schemas/card-requests';
import { DeliveryFields } from '@/components/forms/delivery-fields';
import { useValidatedForm } from '@/components/forms/use-validated-form';
import { CardActionForm } from './card-action-form';
import { IssuedCardOutcome } from './issued-card-outcome';
import { ProductField, type ProductOption } from './product-field';
import { useCardAction } from './use-card-action';

type State = ActionState<IssuedCard> & { replayed?: true };

const FEE_WARNING =
  'Konaplate may charge the member a reissuance fee, taken from their registered bank account. Tell the member before you confirm.';

export function ReissueForm({
  userId,
  par,
  card,
  idempotencyKey,
  products,
  action,
  prefill = {},
}: {
  userId: string;
  par: string;
  /** How the old card is shown: product name and masked number. */
  card: { serviceId: string; serviceName: string; cardNoMasked?: string };
  idempotencyKey: string;
  products: ProductOption[];
  action: (prev: State, formData: FormData) => Promise<State>;
  /** Starting values, e.g. from a QA scenario link. */
  prefill?: { nextServiceId?: string };
}) {
  const submission = useCardAction(action, idempotencyKey);
  const { state } = submission;
  const form = useValidatedForm(
    reissueFormSchema,
    {
      idempotencyKey,
      userId,
      par,
      reason: 'LOST',
      reasonText: '',
      nextServiceId: prefill.nextServiceId ?? '',
      delivery: 'delivery',
      address: '',
      addressDetail: '',
      zipCode: '',
      feeAcknowledged: false,
    },
    submission.serverErrors,
  );

  if (state.status === 'ok') {
    return (
      <IssuedCardOutcome
        title="Replacement card issued"
        userId={userId}
        cardApplyNo={state.data.cardApplyNo}
        mobileCardNoMasked={state.data.mobileCardNoMasked}
        replayed={state.replayed}
      />
    );
  }

  const nextServiceId = String(form.values.nextServiceId);
  const nextProduct = nextServiceId
    ? `${products.find((p) => p.serviceId === nextServiceId)?.serviceName ?? 'Product'} (${nextServiceId})`
    : `Same as the old card: ${card.serviceName} (${card.serviceId})`;
  const delivering = form.values.delivery === 'delivery';
  const oldCard = `${card.serviceName}${card.cardNoMasked ? ` · ${card.cardNoMasked}` : ''}`;

  return (
    <CardActionForm
      submission={submission}
      label="Reissue the card"
      userId={userId}
      hidden={{ par }}
      reviewLabel="Review and reissue"
      validate={() => !!form.validateAll()}
      confirm={{
        title: 'Replace this card?',
        confirmLabel: 'Reissue the card',
        rows: [
          ['Member', userId],
          ['Card replaced', oldCard],
          ['Reason', form.values.reason === 'OTHER' ? String(form.values.reasonText) : REISSUE_REASONS[form.values.reason as keyof typeof REISSUE_REASONS]],
          ['New card product', nextProduct],
          ['Delivery', delivering ? `${form.values.address} ${form.values.addressDetail} (${form.values.zipCode})` : 'Mobile card only'],
        ],
        warning: (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {FEE_WARNING} The old card stops for good.
          </Alert>
        ),
      }}
    >
      <FormControl>
        <FormLabel id="reason-label">Why is the card replaced?</FormLabel>
        <RadioGroup
          row
          aria-labelledby="reason-label"
          name="reason"
          value={form.values.reason}
          onChange={(event) => form.setField('reason', event.target.value)}
        >
          {Object.entries(REISSUE_REASONS).map(([value, label]) => (
            <FormControlLabel key={value} value={value} control={<Radio />} label={label} />
          ))}
        </RadioGroup>
      </FormControl>
      {form.values.reason === 'OTHER' && (
        <TextField
          {...form.textField('reasonText')}
          label="Reason"
          required
          helperText={form.errorOf('reasonText') ?? 'Kept in the audit trail.'}
          slotProps={{ htmlInput: { maxLength: 200 } }}
        />
      )}
      <ProductField
        label="Product of the new card"
        name="nextServiceId"
        required={false}
        value={nextServiceId}
        onChange={(serviceId) => form.setField('nextServiceId', serviceId)}
        error={form.errorOf('nextServiceId')}
        products={products}
        emptyHint={`Empty: the same product as the old card (${card.serviceName}).`}
      />
      <DeliveryFields form={form} />
      <Alert severity="warning">{FEE_WARNING}</Alert>
      <FormControl error={!!form.errorOf('feeAcknowledged')}>
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
        {form.errorOf('feeAcknowledged') && <FormHelperText>{form.errorOf('feeAcknowledged')}</FormHelperText>}
      </FormControl>
    </CardActionForm>
  );
}
