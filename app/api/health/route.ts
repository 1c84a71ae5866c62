import { sql } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { getDb, queryRows } from '@/lib/db';
import { env } from '@/lib/env';
import { readinessChecker, reachOrigin } from '@/lib/http/readiness';

export const dynamic = 'force-dynamic';

const readiness = readinessChecker(
  {
    database: async () => queryRows(await getDb(), sql`select 1`),
    upstream: (signal) => reachOrigin(env().KONAPLATE_BASE_URL, signal),
  },
  { timeoutMs: 2_000, reuseForMs: 2_000 },
);

/**
 * Readiness, for load balancers and the e2e launcher: 200 when the database answers and the
 * Konaplate origin is reachable, 503 naming the failed check otherwise. Liveness alone
 * (the process answers) is /api/health/live.
 */
export async function GET() {
  const { ready, checks } = await readiness();
  const failed = Object.keys(checks).filter((name) => !checks[name]!.ok);
  return NextResponse.json(
    ready ? { status: 'ready', checks } : { status: 'not ready', failed, checks },
    { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
