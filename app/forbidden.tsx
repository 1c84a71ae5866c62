import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';

export default function Forbidden() {
  return (
    <Box component="main" sx={{ maxWidth: 560, mx: 'auto', mt: 12, p: 3, textAlign: 'center' }}>
      <Typography variant="overline" color="error">
        403 · Forbidden
      </Typography>
      <Typography variant="h5" component="h1" gutterBottom>
        Your role does not open this page
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        The attempt was recorded. If you need this access, ask an admin to change your roles.
      </Typography>
      <Button href="/" variant="contained">
        Back to the console
      </Button>
    </Box>
  );
}
