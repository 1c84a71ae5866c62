'use client';
import { useActionState, useOptimistic, useState, useTransition, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslations } from 'next-intl';
import { IDLE, type ActionState } from '@/lib/domain/action-state';
import { ROLES, type Role } from '@/lib/domain/permissions';
import { newOperatorSchema, type CompanyIdentityLinkInput, type NewOperatorInput } from '@/lib/schemas/operator';
import { FormTextField } from '@/components/forms/form-text-field';
import { useValidatedForm } from '@/components/forms/use-validated-form';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import { CompanyIdentityDialog, type RefusedIdentityRow } from './company-identity-dialog';

export interface OperatorRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  lastSignInAt: string | null;
  locked: boolean;
  /** Password operators enrol in TOTP; OIDC operators rely on their IdP's MFA. */
  mfa: 'enrolled' | 'not-enrolled' | 'idp';
  /** The company IdP subject this operator signs in as, if any. */
  companySubject: string | null;
}

const NO_OPERATOR: NewOperatorInput = { email: '', name: '', password: '', roles: [] };

interface Props {
  selfId: string;
  operators: OperatorRow[];
  createOperator: (prev: ActionState<{ email: string }>, formData: FormData) => Promise<ActionState<{ email: string }>>;
  setRoles: (input: { id: string; roles: string[] }) => Promise<ActionState>;
  setActive: (input: { id: string; active: boolean }) => Promise<ActionState>;
  resetMfa: (input: { id: string }) => Promise<ActionState>;
  /** Present when company sign-in is configured. */
  companySignIn?: {
    issuer: string;
    refused: RefusedIdentityRow[];
    link: (input: CompanyIdentityLinkInput) => Promise<ActionState>;
    unlink: (input: { id: string }) => Promise<ActionState>;
  };
}

export function OperatorsAdmin({ selfId, operators, createOperator, setRoles, setActive, resetMfa, companySignIn }: Props) {
  const t = useTranslations('admin');
  const format = useLocaleFormat();
  const [resetting, setResetting] = useState<OperatorRow | null>(null);
  const [linking, setLinking] = useState<OperatorRow | null>(null);
  const [rowResult, setRowResult] = useState<ActionState>(IDLE);
  const [pending, startTransition] = useTransition();
  // The checkbox follows the click at once; the server's answer (or a refusal) settles it.
  const [shown, showChange] = useOptimistic(operators, (rows, change: Partial<OperatorRow> & { id: string }) =>
    rows.map((row) => (row.id === change.id ? { ...row, ...change } : row)),
  );
  const run = (change: Partial<OperatorRow> & { id: string }, call: () => Promise<ActionState>) =>
    startTransition(async () => {
      showChange(change);
      setRowResult(await call());
    });

  return (
    <Stack spacing={3}>
      <div aria-live="polite">
        {rowResult.status === 'ok' && <Alert severity="success">{rowResult.message}</Alert>}
        {rowResult.status !== 'ok' && rowResult.status !== 'idle' && <Alert severity="error">{rowResult.message}</Alert>}
      </div>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label={t('table.label')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('table.operator')}</TableCell>
              <TableCell>{t('table.roles')}</TableCell>
              <TableCell>{t('table.lastSignIn')}</TableCell>
              <TableCell>{t('table.status')}</TableCell>
              <TableCell align="right">{t('table.access')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((operator) => (
              <TableRow key={operator.id} data-testid={`operator-${operator.email}`}>
                <TableCell>
                  <Typography variant="body2">{operator.name}</Typography>
                  <Typography variant="caption" color="text.secondary">
                    {operator.email}
                  </Typography>
                </TableCell>
                <TableCell>
                  <RoleCheckboxes
                    aria-label={t('table.rolesOf', { email: operator.email })}
                    size="small"
                    roles={operator.roles}
                    disabled={pending}
                    onChange={(roles) => run({ id: operator.id, roles }, () => setRoles({ id: operator.id, roles }))}
                  />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{operator.lastSignInAt ? format.dateTime(operator.lastSignInAt) : '—'}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                    <Chip size="small" label={operator.active ? t('status.active') : t('status.deactivated')} color={operator.active ? 'success' : 'default'} />
                    {operator.locked && <Chip size="small" label={t('status.locked')} color="warning" />}
                    {operator.companySubject && <Chip size="small" variant="outlined" label={t('status.companySignIn')} />}
                    <Chip
                      size="small"
                      variant="outlined"
                      label={t(`mfa.${operator.mfa}`)}
                      color={operator.mfa === 'not-enrolled' ? 'warning' : 'default'}
                      // The amber outline marks it; amber text on white would be too faint to read (axe).
                      sx={{ color: 'text.primary' }}
                    />
                  </Stack>
                </TableCell>
                <TableCell align="right">
                  {companySignIn && (
                    <Button size="small" disabled={pending} onClick={() => setLinking(operator)}>
                      {operator.companySubject ? t('buttons.unlinkCompanySignIn') : t('buttons.linkCompanySignIn')}
                    </Button>
                  )}
                  {operator.id !== selfId && operator.mfa !== 'idp' && (
                    <Button size="small" disabled={pending} onClick={() => setResetting(operator)}>
                      {t('buttons.resetMfa')}
                    </Button>
                  )}
                  {operator.id !== selfId && (
                    <Button
                      size="small"
                      color={operator.active ? 'error' : 'primary'}
                      disabled={pending}
                      onClick={() => run({ id: operator.id, active: !operator.active }, () => setActive({ id: operator.id, active: !operator.active }))}
                    >
                      {operator.active ? t('buttons.deactivate') : t('buttons.reactivate')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <NewOperatorForm createOperator={createOperator} />
      {companySignIn && (
        <CompanyIdentityDialog
          operator={linking}
          issuer={companySignIn.issuer}
          refused={companySignIn.refused}
          link={companySignIn.link}
          unlink={companySignIn.unlink}
          onClose={(done) => {
            setLinking(null);
            if (done) setRowResult(done);
          }}
        />
      )}
      <Dialog open={!!resetting} onClose={() => setResetting(null)} aria-labelledby="reset-mfa-title" aria-describedby="reset-mfa-text">
        <DialogTitle id="reset-mfa-title">{t('resetMfa.title', { email: resetting?.email ?? '' })}</DialogTitle>
        <DialogContent>
          <DialogContentText id="reset-mfa-text">
            {t('resetMfa.text')}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setResetting(null)}>{t('buttons.cancel')}</Button>
          <Button
            color="error"
            variant="contained"
            onClick={() => {
              const target = resetting;
              setResetting(null);
              if (target) run({ id: target.id, mfa: 'not-enrolled' }, () => resetMfa({ id: target.id }));
            }}
          >
            {t('resetMfa.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}

function NewOperatorForm({ createOperator }: Pick<Props, 'createOperator'>) {
  const t = useTranslations('admin.newOperator');
  const [state, formAction, pending] = useActionState(createOperator, IDLE);
  // A created operator empties the form for the next one; a refusal keeps what was typed.
  const form = useValidatedForm(newOperatorSchema, NO_OPERATOR, {
    answer: state,
    forgetOnAnswer: (answer) => (answer.status === 'ok' ? 'all' : []),
  });
  const rolesError = form.errorOf('roles');
  return (
    <Paper variant="outlined" sx={{ p: 3 }} component="section" aria-labelledby="new-operator">
      <Typography id="new-operator" variant="h6" component="h2" gutterBottom>
        {t('heading')}
      </Typography>
      <Box
        component="form"
        action={formAction}
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          if (!form.validateAll()) event.preventDefault();
        }}
        noValidate
      >
        <Stack spacing={2} sx={{ maxWidth: 520 }}>
          <div aria-live="polite">
            {state.status === 'ok' && <Alert severity="success">{state.message}</Alert>}
            {(state.status === 'forbidden' || state.status === 'unauthenticated') && <Alert severity="error">{state.message}</Alert>}
          </div>
          <FormTextField form={form} field="email" type="email" label={t('email')} required />
          <FormTextField form={form} field="name" label={t('name')} required />
          <FormTextField
            form={form}
            field="password"
            type="password"
            label={t('password')}
            autoComplete="new-password"
            required
            hint={t('passwordHint')}
          />
          <FormControl error={!!rolesError} component="fieldset">
            <FormLabel component="legend">{t('roles')}</FormLabel>
            <RoleCheckboxes name="roles" roles={form.values.roles} onChange={(roles) => form.setField('roles', roles)} />
            {rolesError && <FormHelperText>{rolesError}</FormHelperText>}
          </FormControl>
          <Box>
            <Button type="submit" variant="contained" loading={pending}>
              {t('submit')}
            </Button>
          </Box>
        </Stack>
      </Box>
    </Paper>
  );
}

/** One checkbox per role; `onChange` gets the roles as they are after the click. */
function RoleCheckboxes({
  roles,
  onChange,
  name,
  size,
  disabled,
  'aria-label': label,
}: {
  roles: readonly Role[];
  onChange: (roles: Role[]) => void;
  /** Set when the checkboxes are submitted with a form. */
  name?: string;
  size?: 'small';
  disabled?: boolean;
  'aria-label'?: string;
}) {
  const t = useTranslations('shell.roles');
  return (
    <FormGroup row aria-label={label}>
      {ROLES.map((role) => (
        <FormControlLabel
          key={role}
          label={t(role)}
          control={
            <Checkbox
              name={name}
              value={role}
              size={size}
              checked={roles.includes(role)}
              disabled={disabled}
              onChange={(event) => onChange(event.target.checked ? [...roles, role] : roles.filter((r) => r !== role))}
            />
          }
        />
      ))}
    </FormGroup>
  );
}
