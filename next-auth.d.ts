import type { Role } from '@/lib/domain/permissions';

declare module 'next-auth' {
  /** The browser-visible session names only the server-side session record. */
  interface Session {
    sid?: string;
  }
  interface User {
    roles?: Role[];
    /** Password sign-ins: the second factor that passed, or enrolment still to come. */
    mfa?: 'totp' | 'recovery-code' | 'enrolment';
    /** OIDC sign-ins: the IdP says the e-mail is verified (`email_verified: true`). */
    idpEmailVerified?: boolean;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
  }
}
