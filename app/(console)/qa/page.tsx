import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { FaultSwitches } from '@/components/qa/fault-switches';
import { ScenarioCatalogue } from '@/components/qa/scenario-catalogue';
import { requirePagePermission } from '@/lib/auth/access';
import { env } from '@/lib/env';
import { explainCode, RESULT_CODES } from '@/lib/domain/result-codes';
import { buildCatalogue, ENDPOINTS, readCatalogueFilter, uncoveredCodes, type SandboxScenario } from '@/lib/qa/catalogue';
import type { Fault } from '@/lib/qa/faults';
import { sandboxControl } from '@/lib/qa/sandbox-control';
import { MuiTheme } from '@/lib/theme/mui-theme';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { resetSandboxAction, runLookupScenarioAction, switchFaultAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('qa');
  return { title: t('title') };
}

/** What every row shares, said once above the catalogue (`qa.shared`). */
const SHARED = ['open', 'notOffered', 'inputNote', 'notFromConsole', 'lookup', 'faults'] as const;

export default async function QaPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission('sandbox.control', '/qa');
  if (!env().upstreamIsSandbox) notFound();
  const params = await searchParams;
  const filter = readCatalogueFilter({ get: (name) => (typeof params[name] === 'string' ? params[name] : null) });
  const [{ scenarios }, { faults }] = await Promise.all([
    sandboxControl<{ scenarios: SandboxScenario[] }>('/scenarios'),
    sandboxControl<{ faults: Record<string, Fault> }>('/faults'),
  ]);
  const t = await getTranslations('qa');
  const rows = buildCatalogue(scenarios);
  const holes = uncoveredCodes(rows);
  const tc = await getTranslations('resultCodes');
  // Each code's meaning in the reader's language (lib/domain/result-codes.ts: the codes with words).
  const explanations = Object.fromEntries(
    Object.keys(RESULT_CODES).flatMap((code) => {
      const known = explainCode(code);
      return known ? [[code, tc(`${known.code}.meaning`)]] : [];
    }),
  );

  return (
    <ClientMessages page="(console)/qa">
      <MuiTheme>
        <Stack spacing={3} sx={{ maxWidth: 1400 }}>
          <Typography variant="h5" component="h1">
            {t('title')}
          </Typography>
          <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="qa-how-to">
            <Typography color="text.secondary">
              {t('intro', { endpoints: ENDPOINTS.length, count: rows.length })}
              {holes.length > 0 && ` ${t('missing', { list: holes.map((h) => `${h.endpoint} ${h.code}`).join(', ') })}`}
            </Typography>
            <Typography id="qa-how-to" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mt: 1 }}>
              {t('shared.heading')}
            </Typography>
            <Typography component="ul" variant="body2" sx={{ m: 0, pl: 3 }}>
              {SHARED.map((key) => (
                <li key={key}>{t(`shared.${key}`)}</li>
              ))}
            </Typography>
          </Paper>
          <FaultSwitches faults={faults} switchFault={switchFaultAction} reset={resetSandboxAction} />
          <ScenarioCatalogue rows={rows} initialFilter={filter} explanations={explanations} runLookup={runLookupScenarioAction} />
        </Stack>
      </MuiTheme>
    </ClientMessages>
  );
}
