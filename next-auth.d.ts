import type { Role } from '@/lib/domain/permissions';
import type { CompanyIdentity } from '@/lib/auth/company-sign-in';

declare module 'next-auth' {
  /** The browser-visible session names only the server-side session record. */
  interface Session {
    sid?: string;
  }
  interface User {
    roles?: Role[];
    /** Password sign-ins: the second factor that passed, or enrolment still to come. */
    mfa?: 'totp' | 'recovery-code' | 'enrolment';
    /** Company (OIDC) sign-ins: who the IdP says this is. */
    companyIdentity?: CompanyIdentity;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
    /** Company sign-ins: the ID token, the hint with which the IdP ends its session at sign-out. */
    idToken?: string;
  }
}
