import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

/** Liveness, for process supervisors: the process answers. Says nothing of its dependencies. */
export function GET() {
  return NextResponse.json({ status: 'live' }, { headers: { 'Cache-Control': 'no-store' } });
}
