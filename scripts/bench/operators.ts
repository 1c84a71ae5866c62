/**
 * The benchmark's operators: one signed-in session per virtual operator.
 *
 * The sandbox seeds four demo operators, and a TOTP code is taken once per operator and time
 * step, so four operators cannot open fifty sessions without waiting minutes. Instead, before
 * the console starts, the benchmark writes its own agents into the fresh database (as
 * lib/db/seed.ts writes the demo ones: enrolled, with a TOTP secret encrypted for their row),
 * then signs each in once through NextAuth's credentials endpoint, as the sign-in form does.
 */
import { randomUUID } from 'node:crypto';
import { encryptTotpSecret } from '@/lib/auth/mfa-crypto';
import { hashPassword } from '@/lib/auth/password';
import { newTotpSecret, totpCodeAt, totpStep } from '@/lib/auth/totp';
import { closeDatabase, openDatabase } from '@/lib/db/client';
import { operators } from '@/lib/db/schema';

export interface Login {
  email: string;
  password: string;
  /** Base32. */
  totpSecret: string;
}

const PASSWORD = 'bench-operator-password';

/** Creates `count` enrolled agents `bench-agent-NN@konaplate.test` in the PGlite database at `pgliteDir` (migrating it). */
export async function createBenchAgents(pgliteDir: string, count: number): Promise<Login[]> {
  const db = await openDatabase({ pgliteDir });
  try {
    // One scrypt hash for all: the same password, and a throw-away database.
    const passwordHash = await hashPassword(PASSWORD);
    const logins: Login[] = [];
    const rows = Array.from({ length: count }, (_, i) => {
      const id = randomUUID();
      const login = { email: `bench-agent-${String(i + 1).padStart(2, '0')}@konaplate.test`, password: PASSWORD, totpSecret: newTotpSecret() };
      logins.push(login);
      return {
        id,
        email: login.email,
        name: `Bench agent ${i + 1}`,
        roles: ['agent' as const],
        passwordHash,
        totpSecret: encryptTotpSecret(login.totpSecret, id),
        totpEnrolledAt: new Date(),
      };
    });
    await db.insert(operators).values(rows);
    return logins;
  } finally {
    await closeDatabase(db);
  }
}

/**
 * Signs `login` in with the code of the current time step (each operator signs in once, so a
 * code is never replayed) and returns the `Cookie` header of its session.
 */
export async function signIn(consoleUrl: string, login: Login): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      if (at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

  const csrf = await fetch(`${consoleUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${consoleUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { Cookie: cookieHeader(), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      csrfToken,
      email: login.email,
      password: login.password,
      otp: totpCodeAt(login.totpSecret, totpStep(new Date())),
      json: 'true',
    }),
    redirect: 'manual',
  });
  keep(response);
  await response.body?.cancel();
  const session = [...jar].find(([name]) => name.endsWith('next-auth.session-token'));
  if (!session) throw new Error(`sign-in of ${login.email} refused (HTTP ${response.status})`);
  return `${session[0]}=${session[1]}`;
}
