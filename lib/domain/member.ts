/**
 * The console's member types: what lib/konaplate maps "Search for Member Information" into.
 * Browser-safe. The profile carries contact details masked only; the full values exist only
 * in MemberContact, which a separate, audited "reveal" call returns. No resident
 * registration number exists anywhere here.
 */

export interface MemberAddress {
  address: string;
  addressDetail?: string;
  zipCode?: string;
}

/** What an agent sees of a member by default. */
export interface MemberProfile {
  /** Digit string, up to 19 digits (never a JS number). */
  userId: string;
  userName: string;
  loginId: string;
  /** `010-••••-5678`: the first three and last four digits. */
  mobileNumberMasked?: string;
  /** `mi•••@example.com`: two characters of the local part and the domain. */
  emailMasked?: string;
  /** How the member joined (e.g. APP, WEB), when Konaplate says. */
  joinChannel?: string;
  address?: MemberAddress;
}

/** The member's full contact details and birth date: only for an audited reveal, never kept. */
export interface MemberContact {
  userId: string;
  mobileNumber?: string;
  email?: string;
  /** yyyyMMdd as Konaplate sends it. */
  birthDate?: string;
}
