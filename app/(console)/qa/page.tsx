import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { FaultSwitches } from '@/components/qa/fault-switches';
import { ScenarioCatalogue } from '@/components/qa/scenario-catalogue';
import { requirePagePermission } from '@/lib/auth/access';
import { env } from '@/lib/env';
import { explainCode, RESULT_CODES } from '@/lib/domain/result-codes';
import { buildCatalogue, uncoveredCodes, type SandboxScenario } from '@/lib/qa/catalogue';
import type { Fault } from '@/lib/qa/faults';
import { sandboxControl } from '@/lib/qa/sandbox-control';
import { resetSandboxAction, runLookupScenarioAction, switchFaultAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('qa');
  return { title: t('title') };
}

export default async function QaPage() {
  await requirePagePermission('sandbox.control', '/qa');
  if (!env().upstreamIsSandbox) notFound();
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
    <Stack spacing={3} sx={{ maxWidth: 1400 }}>
      <Typography variant="h5" component="h1">
        {t('title')}
      </Typography>
      <FaultSwitches faults={faults} switchFault={switchFaultAction} reset={resetSandboxAction} />
      <Typography color="text.secondary">
        {t('intro', { count: rows.length })}
        {holes.length > 0 && ` ${t('missing', { list: holes.map((h) => `${h.endpoint} ${h.code}`).join(', ') })}`}
      </Typography>
      <ScenarioCatalogue rows={rows} explanations={explanations} runLookup={runLookupScenarioAction} />
    </Stack>
  );
}
