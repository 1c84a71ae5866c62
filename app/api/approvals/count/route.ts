import { requireRoutePermission } from '@/lib/auth/route-permission';
import { countPendingRequests } from '@/lib/approvals/requests';

export const dynamic = 'force-dynamic';

/** How many requests wait for a checker: the navigation's badge (refreshed with SWR). */
export async function GET() {
  const operator = await requireRoutePermission('requests.approve');
  if (operator instanceof Response) return operator;
  return Response.json({ pending: await countPendingRequests() }, { headers: { 'Cache-Control': 'no-store' } });
}
