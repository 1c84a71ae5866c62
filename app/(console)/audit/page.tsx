import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditTable } from '@/components/audit/audit-table';
import { PageLinks } from '@/components/audit/page-links';
import { SavedViews } from '@/components/audit/saved-views';
import { auditQueryString, filterErrorText, parseAuditQuery } from '@/lib/audit/filters';
import { AUDIT_PAGE_SIZE, listAuditEvents } from '@/lib/audit/queries';
import { recordAuditRead } from '@/lib/audit/record';
import { requirePagePermission } from '@/lib/auth/access';
import { can } from '@/lib/domain/permissions';
import { listSavedAuditViews } from '@/lib/review/saved-views';
import { MuiTheme } from '@/lib/theme/mui-theme';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { deleteAuditViewAction, saveAuditViewAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audit');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const operator = await requirePagePermission('audit.read', '/audit');
  const t = await getTranslations('audit');
  const query = parseAuditQuery(await searchParams);
  const mayExport = can(operator.roles, 'audit.export');
  if (query.ok) await recordAuditRead(operator, 'audit-trail', { filters: query.raw, cursor: query.cursor ? 'next' : 'first' });
  const [page, views] = await Promise.all([
    query.ok ? listAuditEvents(query.filters, { cursor: query.cursor }) : null,
    listSavedAuditViews(operator.id),
  ]);

  return (
    <ClientMessages page="(console)/audit">
      <MuiTheme>
        <>
          <Typography variant="h5" component="h1" gutterBottom>
            {t('title')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {t('intro', { pageSize: AUDIT_PAGE_SIZE })}
          </Typography>
          <AuditFilters
            values={query.raw}
            exportHref={mayExport && query.ok ? `/api/audit/export${auditQueryString(query.raw)}` : undefined}
          />
          <SavedViews
            views={views.map((view) => ({
              id: view.id,
              name: view.name,
              href: `/audit${auditQueryString(view.filters)}`,
              remove: deleteAuditViewAction.bind(null, view.id),
            }))}
            save={query.ok ? saveAuditViewAction.bind(null, query.raw) : undefined}
          />
          {!query.ok && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {t('filters.cannotApply')}
              </Typography>
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {query.problems.map((problem) => (
                  <li key={problem}>{filterErrorText(problem, t)}</li>
                ))}
              </ul>
            </Alert>
          )}
          {page && (
            <>
              <AuditTable rows={page.rows} />
              <PageLinks
                label={t('pages.label')}
                first={query.ok && query.cursor ? { href: `/audit${auditQueryString(query.raw)}`, label: t('pages.first') } : null}
                next={page.nextCursor ? { href: `/audit${auditQueryString(query.raw, page.nextCursor)}`, label: t('pages.next') } : null}
              />
            </>
          )}
        </>
      </MuiTheme>
    </ClientMessages>
  );
}
