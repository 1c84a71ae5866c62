import { NextResponse, type NextRequest } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { requireRoutePermission } from '@/lib/auth/route-permission';
import { loadMemberCards } from '@/lib/cards/member-cards';
import { parSchema, userIdSchema } from '@/lib/schemas/fields';

export const dynamic = 'force-dynamic';

/** A member's cards for the browser's refreshes (SWR); the same read as the page's. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ userId: string }> }) {
  const operator = await requireRoutePermission('cards.view');
  if (operator instanceof Response) return operator;
  const userId = userIdSchema.safeParse((await params).userId);
  const parParam = request.nextUrl.searchParams.get('par');
  const par = parParam ? parSchema.safeParse(parParam) : undefined;
  if (!userId.success || (par && !par.success)) {
    return NextResponse.json({ error: (await getTranslations('members.member'))('badAddress') }, { status: 400 });
  }
  const result = await loadMemberCards(operator, { userId: userId.data, par: par?.data }, par ? 'view-card' : 'search');
  return NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
}
