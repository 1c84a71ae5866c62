import { requireRoutePermission } from '@/lib/auth/route-permission';
import { approvalsBoard } from '@/lib/approvals/requests';
import { can } from '@/lib/domain/permissions';

export const dynamic = 'force-dynamic';

/** The Approvals page's refreshes (SWR): the queue for checkers, and the operator's own requests. */
export async function GET() {
  const operator = await requireRoutePermission('cards.view');
  if (operator instanceof Response) return operator;
  const board = await approvalsBoard({ id: operator.id, mayDecide: can(operator.roles, 'requests.approve') });
  return Response.json(board, { headers: { 'Cache-Control': 'no-store' } });
}
