'use client';
import type { ReactNode } from 'react';
import { useCallback, useState } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import AppBar from '@mui/material/AppBar';
import Button from '@mui/material/Button';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import AccountCircle from '@mui/icons-material/AccountCircle';
import SearchIcon from '@mui/icons-material/Search';
import { useTranslations } from 'next-intl';
import { can, type Role } from '@/lib/domain/permissions';
import type { SignOut } from '@/lib/domain/session';
import type { Locale } from '@/lib/i18n/locales';
import { CommandPalette, type FindCardByPar } from './command-palette';
import { IdleTimeout } from './idle-timeout';
import { useKeyboardShortcuts } from './keyboard-shortcuts';
import { LanguageSwitch } from './language-switch';
import { visibleNavItems } from './navigation';
import { PendingApprovalsBadge } from './pending-approvals';
import { RolesProvider } from './permissions-context';

const DRAWER_WIDTH = 220;

interface Props {
  operator: { name: string; email: string; roles: Role[] };
  upstreamIsSandbox: boolean;
  /** Ends the session (or all of the operator's); answers where the browser goes next. */
  signOut: SignOut;
  /** The language switch's server action. */
  chooseLocale: (locale: Locale) => Promise<{ ok: boolean }>;
  /** "Stay signed in" of the idle-timeout dialog. */
  staySignedIn: () => Promise<{ signedIn: boolean }>;
  /** The command palette's card by PAR (cards.view); without it the palette offers members and pages. */
  findCardByPar?: FindCardByPar;
  /** Shown under the app bar on every page (e.g. sandbox faults are on). */
  banner?: ReactNode;
  children: ReactNode;
}

export function ConsoleShell({ operator, upstreamIsSandbox, signOut, chooseLocale, staySignedIn, findCardByPar, banner, children }: Props) {
  const t = useTranslations('shell');
  const tPalette = useTranslations('palette');
  const pathname = usePathname();
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const [palette, setPalette] = useState(false);
  const openPalette = useCallback(() => setPalette(true), []);
  const memberSearch = can(operator.roles, 'cards.view');
  useKeyboardShortcuts({ openPalette, memberSearch });
  const items = visibleNavItems(operator.roles, upstreamIsSandbox);
  // The longest matching item is the active one (so /qa/inspector does not also light /qa).
  const active = items
    .filter(({ href }) => (href === '/' ? pathname === '/' || pathname.startsWith('/members') : pathname.startsWith(href)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const isActive = (href: string) => href === active;

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" elevation={0} sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="div" sx={{ flexGrow: 1, fontWeight: 600 }}>
            {t('productName')}
          </Typography>
          <Button color="inherit" variant="outlined" size="small" startIcon={<SearchIcon />} onClick={openPalette} aria-keyshortcuts="Control+K Meta+K">
            {tPalette('open')}
          </Button>
          {upstreamIsSandbox && <Chip label={t('sandboxUpstream')} color="warning" size="small" />}
          <LanguageSwitch choose={chooseLocale} />
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Box sx={{ textAlign: 'right', display: { xs: 'none', sm: 'block' } }}>
              <Typography variant="body2" component="div" data-testid="operator-name">
                {operator.name}
              </Typography>
              <Typography variant="caption" component="div" data-testid="operator-roles">
                {operator.roles.map((role) => t(`roles.${role}`)).join(' · ')}
              </Typography>
            </Box>
            <IconButton
              color="inherit"
              aria-label={t('accountMenu.label')}
              aria-haspopup="menu"
              onClick={(event) => setMenuAnchor(event.currentTarget)}
            >
              <AccountCircle />
            </IconButton>
          </Stack>
          <Menu anchorEl={menuAnchor} open={!!menuAnchor} onClose={() => setMenuAnchor(null)}>
            <MenuItem disabled>{operator.email}</MenuItem>
            <Divider />
            <MenuItem component={Link} href="/account" onClick={() => setMenuAnchor(null)}>
              {t('accountMenu.account')}
            </MenuItem>
            <MenuItem onClick={async () => window.location.assign((await signOut('operator')).url)}>
              {t('accountMenu.signOut')}
            </MenuItem>
            <MenuItem onClick={async () => window.location.assign((await signOut('everywhere')).url)}>
              {t('accountMenu.signOutEverywhere')}
            </MenuItem>
          </Menu>
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
      >
        <Toolbar />
        <Box component="nav" aria-label={t('nav.label')}>
          <List>
            {items.map(({ href, label, icon: Icon }) => (
              <ListItem key={href} disablePadding>
                <ListItemButton component={Link} href={href} selected={isActive(href)}>
                  <ListItemIcon>
                    {href === '/approvals' ? (
                      <PendingApprovalsBadge>
                        <Icon />
                      </PendingApprovalsBadge>
                    ) : (
                      <Icon />
                    )}
                  </ListItemIcon>
                  <ListItemText primary={t(`nav.${label}`)} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </Box>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 3, minWidth: 0 }}>
        <Toolbar />
        {banner}
        <RolesProvider roles={operator.roles}>{children}</RolesProvider>
      </Box>
      <IdleTimeout staySignedIn={staySignedIn} signOut={signOut} />
      <CommandPalette
        open={palette}
        onClose={() => setPalette(false)}
        pages={[...items.map(({ href, label }) => ({ href, label: t(`nav.${label}`) })), { href: '/account', label: t('accountMenu.account') }]}
        findCardByPar={memberSearch ? findCardByPar : undefined}
      />
    </Box>
  );
}
