'use client';
import { useState, type ComponentProps } from 'react';
import { useTranslations } from 'next-intl';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { DebitIssueForm } from './debit-issue-form';
import { PrepaidIssueForm } from './prepaid-issue-form';

/** Prepaid or debit issuance for one member; each form keeps its own idempotency key. */
export function IssueCardTabs({
  prepaid,
  debit,
  initialTab = 'prepaid',
}: {
  prepaid: ComponentProps<typeof PrepaidIssueForm>;
  debit: ComponentProps<typeof DebitIssueForm>;
  initialTab?: 'prepaid' | 'debit';
}) {
  const t = useTranslations('cardActions.tab');
  const [tab, setTab] = useState(initialTab);
  return (
    <>
      <Tabs value={tab} onChange={(_event, value: 'prepaid' | 'debit') => setTab(value)} sx={{ mb: 3 }}>
        <Tab value="prepaid" label={t('prepaid')} id="tab-prepaid" aria-controls="panel-prepaid" />
        <Tab value="debit" label={t('debit')} id="tab-debit" aria-controls="panel-debit" />
      </Tabs>
      {/* Both stay mounted so that switching tabs loses neither form's state. */}
      <Box role="tabpanel" id="panel-prepaid" aria-labelledby="tab-prepaid" hidden={tab !== 'prepaid'}>
        <PrepaidIssueForm {...prepaid} />
      </Box>
      <Box role="tabpanel" id="panel-debit" aria-labelledby="tab-debit" hidden={tab !== 'debit'}>
        <DebitIssueForm {...debit} />
      </Box>
    </>
  );
}
