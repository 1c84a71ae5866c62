import { useTranslations } from 'next-intl';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { Role } from '@/lib/domain/permissions';

/**
 * Shown on the sign-in page only while the upstream is the local sandbox: the demo operators,
 * their password and their fixed TOTP secrets (add one to an authenticator app, or compute
 * codes with any TOTP tool: SHA-1, 6 digits, 30 s).
 */
export function DemoOperators({
  password,
  operators,
}: {
  password: string;
  operators: { email: string; roles: Role[]; totpSecret: string }[];
}) {
  const t = useTranslations('auth.demo');
  const tRoles = useTranslations('shell.roles');
  return (
    <Paper variant="outlined" sx={{ mt: 2, p: 2 }} component="section" aria-labelledby="demo-operators">
      <Typography id="demo-operators" variant="subtitle2" component="h2">
        {t('heading')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t.rich('password', { password, code: (chunks) => <code>{chunks}</code> })}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('emailAndSecret')}</TableCell>
            <TableCell>{t('role')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {operators.map((operator) => (
            <TableRow key={operator.email}>
              <TableCell>
                <code>{operator.email}</code>
                <Typography variant="caption" component="div" color="text.secondary" sx={{ wordBreak: 'break-all' }}>
                  <code>{operator.totpSecret}</code>
                </Typography>
              </TableCell>
              <TableCell>{operator.roles.map((role) => tRoles(role)).join(', ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
