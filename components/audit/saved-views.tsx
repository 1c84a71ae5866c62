'use client';
import { useActionState, useState, useTransition } from 'react';
import NextLink from 'next/link';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslations } from 'next-intl';
import { ActionAlert } from '@/components/feedback/action-alert';
import { IDLE, type ActionState } from '@/lib/domain/action-state';

export interface ListedView {
  id: number;
  name: string;
  /** The audit page with the view's filters. */
  href: string;
  /** Bound to the view. */
  remove: () => Promise<ActionState>;
}

/**
 * The operator's saved audit views: each opens the audit page with its filters; the form saves
 * the filters applied now under a name (refusals of the name said next to it).
 */
export function SavedViews({ views, save }: { views: ListedView[]; save?: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const t = useTranslations('audit.savedViews');
  const [removal, setRemoval] = useState<ActionState>(IDLE);
  const [removing, startRemoving] = useTransition();
  return (
    <Paper variant="outlined" component="section" aria-labelledby="saved-views" sx={{ p: 2, mb: 2 }}>
      <Typography id="saved-views" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
        {t('title')}
      </Typography>
      {views.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('none')}
        </Typography>
      ) : (
        <Stack component="ul" direction="row" aria-label={t('label')} sx={{ listStyle: 'none', p: 0, m: 0, flexWrap: 'wrap', gap: 1 }}>
          {views.map((view) => (
            <Box component="li" key={view.id} data-testid="saved-view" sx={{ display: 'flex', alignItems: 'center', border: 1, borderColor: 'divider', borderRadius: 1, pl: 1 }}>
              <Button component={NextLink} href={view.href} size="small" sx={{ textTransform: 'none' }}>
                {view.name}
              </Button>
              <IconButton
                size="small"
                aria-label={t('delete', { name: view.name })}
                disabled={removing}
                onClick={() => startRemoving(async () => setRemoval(await view.remove()))}
              >
                <DeleteOutlineIcon fontSize="small" />
              </IconButton>
            </Box>
          ))}
        </Stack>
      )}
      <div aria-live="polite">{removal.status === 'ok' ? <Alert severity="success" sx={{ mt: 1 }}>{removal.message}</Alert> : <ActionAlert state={removal} />}</div>
      {save && <SaveViewForm save={save} />}
    </Paper>
  );
}

function SaveViewForm({ save }: { save: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const t = useTranslations('audit.savedViews');
  const [state, formAction, pending] = useActionState(save, IDLE);
  const [name, setName] = useState('');
  const [seen, setSeen] = useState(state);
  const [changed, setChanged] = useState(false);
  // A saved view empties the field; a refused name's error shows until the name changes.
  if (seen !== state) {
    setSeen(state);
    setChanged(false);
    if (state.status === 'ok') setName('');
  }
  const error = !changed && state.status === 'invalid' ? state.fieldErrors.name?.[0] : undefined;
  return (
    <Box component="form" action={formAction} noValidate sx={{ mt: 2 }}>
      <div aria-live="polite">{state.status === 'ok' ? <Alert severity="success" sx={{ mb: 1 }}>{state.message}</Alert> : state.status !== 'idle' && !error ? <ActionAlert state={state} /> : null}</div>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', mt: 1 }}>
        <TextField
          name="name"
          size="small"
          label={t('name')}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setChanged(true);
          }}
          error={!!error}
          helperText={error ?? t('nameHint')}
          sx={{ minWidth: 320 }}
        />
        <Button type="submit" variant="outlined" loading={pending}>
          {t('save')}
        </Button>
      </Stack>
    </Box>
  );
}
