'use client';
import { useActionState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import { FormTextField } from '@/components/forms/form-text-field';
import { useValidatedForm } from '@/components/forms/use-validated-form';
import { IDLE, type ActionState } from '@/lib/domain/action-state';
import { APPROVAL_RULES, type ApprovalPolicy, type ApprovalRule } from '@/lib/domain/approvals';
import { approvalPolicyFormSchema } from '@/lib/schemas/approvals';

/** The approval policy an admin edits: which actions wait for a checker, above what balance, for how long. */
export function ApprovalPolicyForm({ policy, save }: { policy: ApprovalPolicy; save: (prev: ActionState, formData: FormData) => Promise<ActionState> }) {
  const t = useTranslations('approvals.policy');
  const [state, formAction, pending] = useActionState(save, IDLE);
  const form = useValidatedForm(
    approvalPolicyFormSchema,
    { enabled: policy.enabled, rules: policy.rules, balanceThresholdKrw: policy.balanceThresholdKrw ?? '', ttlMinutes: String(policy.ttlMinutes) },
    { answer: state },
  );
  const rules = form.values.rules as ApprovalRule[];
  const toggleRule = (rule: ApprovalRule, on: boolean) => form.setField('rules', on ? [...rules, rule] : rules.filter((r) => r !== rule));
  const fieldRefusal = state.status === 'invalid' && Object.keys(state.fieldErrors).length > 0;

  return (
    <Box
      component="form"
      aria-label={t('heading')}
      action={formAction}
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        if (!form.validateAll()) event.preventDefault();
      }}
      noValidate
    >
      <Stack spacing={2} sx={{ maxWidth: 560 }}>
        <div aria-live="polite">
          {state.status === 'ok' && <Alert severity="success">{state.message}</Alert>}
          {state.status !== 'ok' && state.status !== 'idle' && !fieldRefusal && <Alert severity="error">{state.message}</Alert>}
        </div>
        <FormControlLabel
          control={<Switch name="enabled" checked={!!form.values.enabled} onChange={(event) => form.setField('enabled', event.target.checked)} />}
          label={t('enabled')}
        />
        <FormControl component="fieldset">
          <FormLabel component="legend">{t('rulesLabel')}</FormLabel>
          <FormGroup>
            {APPROVAL_RULES.map((rule) => (
              <FormControlLabel
                key={rule}
                control={<Checkbox name="rules" value={rule} checked={rules.includes(rule)} onChange={(event) => toggleRule(rule, event.target.checked)} />}
                label={t(`rules.${rule}`)}
              />
            ))}
          </FormGroup>
        </FormControl>
        <FormTextField form={form} field="balanceThresholdKrw" label={t('threshold')} hint={t('thresholdHint')} inputMode="numeric" />
        <FormTextField form={form} field="ttlMinutes" label={t('ttl')} hint={t('ttlHint')} inputMode="numeric" required />
        <Box>
          <Button type="submit" variant="contained" loading={pending}>
            {t('save')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
