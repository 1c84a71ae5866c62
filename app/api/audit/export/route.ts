import { getTranslations } from 'next-intl/server';
import { recordAudit } from '@/lib/audit/record';
import { auditCsvHeader, auditCsvRow } from '@/lib/audit/csv';
import { filterErrorText, parseAuditQuery } from '@/lib/audit/filters';
import { iterateAuditEvents } from '@/lib/audit/queries';
import { requireRoutePermission } from '@/lib/auth/route-permission';

export const dynamic = 'force-dynamic';

/**
 * CSV of every event matching the audit page's filters (same query string; any cursor is
 * ignored), streamed in keyset batches of 1000 so a large export never sits in memory.
 * The export itself is audited, with its filters, before the first byte goes out. The header
 * row is in the exporting operator's language; the values are the stored data.
 */
export async function GET(request: Request): Promise<Response> {
  const operator = await requireRoutePermission('audit.export');
  if (operator instanceof Response) return operator;

  const t = await getTranslations('audit');
  const query = parseAuditQuery(new URL(request.url).searchParams);
  if (!query.ok) {
    return Response.json({ error: t('filters.invalid'), details: query.problems.map((problem) => filterErrorText(problem, t)) }, { status: 400 });
  }
  const header = auditCsvHeader((column) => t(`csv.${column}`));

  await recordAudit({ actor: operator, action: 'audit-export', outcome: 'ok', request: { format: 'csv', filters: query.raw } });

  const encoder = new TextEncoder();
  const batches = iterateAuditEvents(query.filters, { batchSize: 1_000 });
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        // BOM: spreadsheets then read the file as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${header}`));
        return;
      }
      try {
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map(auditCsvRow).join('')));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-${stamp}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
