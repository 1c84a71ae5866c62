'use client';
import NextLink from 'next/link';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';

export interface PageLink {
  href: string;
  label: string;
  primary?: boolean;
}

/** Keyset pagination links (a client component: MUI buttons rendered as Next links). */
export function PageLinks({ label, links }: { label: string; links: PageLink[] }) {
  if (links.length === 0) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ mt: 2 }} component="nav" aria-label={label}>
      {links.map((link) => (
        <Button key={link.label} component={NextLink} href={link.href} variant={link.primary ? 'outlined' : 'text'}>
          {link.label}
        </Button>
      ))}
    </Stack>
  );
}
