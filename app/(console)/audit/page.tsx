import type { Metadata } from 'next';
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditTable } from '@/components/audit/audit-table';
import { PageLinks } from '@/components/audit/page-links';
import { auditQueryString, parseAuditQuery } from '@/lib/audit/filters';
import { AUDIT_PAGE_SIZE, listAuditEvents } from '@/lib/audit/queries';
import { requirePagePermission } from '@/lib/auth/access';
import { can } from '@/lib/domain/permissions';

export const metadata: Metadata = { title: 'Audit trail' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const operator = await requirePagePermission('audit.read', '/audit');
  const query = parseAuditQuery(await searchParams);
  const mayExport = can(operator.roles, 'audit.export');
  const page = query.ok ? await listAuditEvents(query.filters, { cursor: query.cursor }) : null;

  return (
    <>
      <Typography variant="h5" component="h1" gutterBottom>
        Audit trail
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Who did what, when, and what came back. Newest first, {AUDIT_PAGE_SIZE} per page; times in Korea time.
      </Typography>
      <AuditFilters
        values={query.raw}
        exportHref={mayExport && query.ok ? `/api/audit/export${auditQueryString(query.raw)}` : undefined}
      />
      {!query.ok && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            These filters cannot be applied:
          </Typography>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {query.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </Alert>
      )}
      {page && (
        <>
          <AuditTable rows={page.rows} />
          <PageLinks
            label="Audit pages"
            first={query.ok && query.cursor ? { href: `/audit${auditQueryString(query.raw)}`, label: 'First page' } : null}
            next={page.nextCursor ? { href: `/audit${auditQueryString(query.raw, page.nextCursor)}`, label: 'Older events' } : null}
          />
        </>
      )}
    </>
  );
}
