import { z } from 'zod';
import { requireRoutePermission } from '@/lib/auth/route-permission';
import { expireDueRequests, getApprovalRequest } from '@/lib/approvals/requests';
import { can } from '@/lib/domain/permissions';

export const dynamic = 'force-dynamic';

/**
 * Where one request stands, for the maker's screen that waits on it (SWR): its status and, once
 * sent, how it went. Only its maker and those who may decide it may read it.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const operator = await requireRoutePermission('cards.view');
  if (operator instanceof Response) return operator;
  const id = z.uuid().safeParse((await params).id);
  // A request whose time is up says so, whether or not a checker has looked at the queue since.
  await expireDueRequests();
  const request = id.success ? await getApprovalRequest(id.data) : undefined;
  if (!request || (request.makerId !== operator.id && !can(operator.roles, 'requests.approve'))) {
    return Response.json({ error: 'not found' }, { status: 404 });
  }
  const { status, outcome, checkerEmail, decisionComment } = request;
  return Response.json({ status, outcome, checkerEmail, decisionComment }, { headers: { 'Cache-Control': 'no-store' } });
}
