import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

export default function HomePage() {
  const { KONAPLATE_BASE_URL, upstreamIsSandbox } = env();
  return (
    <Box component="main" sx={{ maxWidth: 960, mx: 'auto', p: 4 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        Konaplate Console
      </Typography>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography gutterBottom>
          Upstream:{' '}
          <Chip
            size="small"
            color={upstreamIsSandbox ? 'warning' : 'success'}
            label={upstreamIsSandbox ? 'local sandbox' : 'Konaplate'}
          />{' '}
          <Typography component="code" variant="body2">
            {KONAPLATE_BASE_URL}
          </Typography>
        </Typography>
      </Paper>
    </Box>
  );
}
