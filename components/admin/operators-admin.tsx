'use client';
import { useActionState, useOptimistic, useState, useTransition } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
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
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { IDLE, type ActionState } from '@/lib/domain/action-state';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/domain/permissions';
import { formatDateTime } from '@/lib/format/date';

export interface OperatorRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  lastSignInAt: string | null;
  locked: boolean;
}

interface Props {
  selfId: string;
  operators: OperatorRow[];
  createOperator: (prev: ActionState<{ email: string }>, formData: FormData) => Promise<ActionState<{ email: string }>>;
  setRoles: (input: { id: string; roles: string[] }) => Promise<ActionState>;
  setActive: (input: { id: string; active: boolean }) => Promise<ActionState>;
}

export function OperatorsAdmin({ selfId, operators, createOperator, setRoles, setActive }: Props) {
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
        <Table size="small" aria-label="Operators">
          <TableHead>
            <TableRow>
              <TableCell>Operator</TableCell>
              <TableCell>Roles</TableCell>
              <TableCell>Last sign-in</TableCell>
              <TableCell>Status</TableCell>
              <TableCell align="right">Access</TableCell>
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
                  <FormGroup row aria-label={`Roles of ${operator.email}`}>
                    {ROLES.map((role) => (
                      <FormControlLabel
                        key={role}
                        label={ROLE_LABELS[role]}
                        control={
                          <Checkbox
                            size="small"
                            checked={operator.roles.includes(role)}
                            disabled={pending}
                            onChange={(event) => {
                              const roles = event.target.checked
                                ? [...operator.roles, role]
                                : operator.roles.filter((r) => r !== role);
                              run({ id: operator.id, roles }, () => setRoles({ id: operator.id, roles }));
                            }}
                          />
                        }
                      />
                    ))}
                  </FormGroup>
                </TableCell>
                <TableCell>{operator.lastSignInAt ? formatDateTime(operator.lastSignInAt) : '—'}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1}>
                    <Chip size="small" label={operator.active ? 'active' : 'deactivated'} color={operator.active ? 'success' : 'default'} />
                    {operator.locked && <Chip size="small" label="locked" color="warning" />}
                  </Stack>
                </TableCell>
                <TableCell align="right">
                  {operator.id !== selfId && (
                    <Button
                      size="small"
                      color={operator.active ? 'error' : 'primary'}
                      disabled={pending}
                      onClick={() => run({ id: operator.id, active: !operator.active }, () => setActive({ id: operator.id, active: !operator.active }))}
                    >
                      {operator.active ? 'Deactivate' : 'Reactivate'}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <NewOperatorForm createOperator={createOperator} />
    </Stack>
  );
}

function NewOperatorForm({ createOperator }: Pick<Props, 'createOperator'>) {
  const [state, formAction, pending] = useActionState(createOperator, IDLE);
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  return (
    <Paper variant="outlined" sx={{ p: 3 }} component="section" aria-labelledby="new-operator">
      <Typography id="new-operator" variant="h6" component="h2" gutterBottom>
        New operator
      </Typography>
      <Box component="form" action={formAction} noValidate>
        <Stack spacing={2} sx={{ maxWidth: 520 }}>
          <div aria-live="polite">
            {state.status === 'ok' && <Alert severity="success">{state.message}</Alert>}
            {(state.status === 'forbidden' || state.status === 'unauthenticated') && <Alert severity="error">{state.message}</Alert>}
          </div>
          <TextField name="email" type="email" label="Email" required error={!!errors.email} helperText={errors.email?.[0]} />
          <TextField name="name" label="Name" required error={!!errors.name} helperText={errors.name?.[0]} />
          <TextField
            name="password"
            type="password"
            label="Initial password"
            autoComplete="new-password"
            required
            error={!!errors.password}
            helperText={errors.password?.[0] ?? 'At least 12 characters; the operator should change it.'}
          />
          <FormControl error={!!errors.roles} component="fieldset">
            <FormLabel component="legend">Roles</FormLabel>
            <FormGroup row>
              {ROLES.map((role) => (
                <FormControlLabel key={role} label={ROLE_LABELS[role]} control={<Checkbox name="roles" value={role} />} />
              ))}
            </FormGroup>
            {errors.roles && <FormHelperText>{errors.roles[0]}</FormHelperText>}
          </FormControl>
          <Box>
            <Button type="submit" variant="contained" loading={pending}>
              Create operator
            </Button>
          </Box>
        </Stack>
      </Box>
    </Paper>
  );
}
