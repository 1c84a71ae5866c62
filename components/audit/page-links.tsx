'use client';
import NextLink from 'next/link';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';

export interface PageLink {
  href: string;
  label: string;
}

/**
 * Keyset pagination (a client component: MUI buttons rendered as Next links): back to the first
 * page when past it, on to the next when there is one. A keyset has no "previous" page.
 */
export function PageLinks({ label, first, next }: { label: string; first?: PageLink | null; next?: PageLink | null }) {
  if (!first && !next) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ mt: 2 }} component="nav" aria-label={label}>
      {first && (
        <Button component={NextLink} href={first.href}>
          {first.label}
        </Button>
      )}
      {next && (
        <Button component={NextLink} href={next.href} variant="outlined">
          {next.label}
        </Button>
      )}
    </Stack>
  );
}
