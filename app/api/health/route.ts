import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

/** Liveness for process supervisors and the e2e launcher; says nothing about upstream. */
export function GET() {
  return NextResponse.json({ ok: true });
}
