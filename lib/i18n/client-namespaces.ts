/**
 * The message namespaces the browser needs, per page and for what the root layout renders.
 * Generated from the code by `npm run i18n:namespaces` (scripts/i18n-namespaces.ts); a test
 * fails when it is out of date. Do not edit by hand.
 */
export const ROOT_CLIENT_NAMESPACES: readonly string[] = ['errors', 'palette', 'shell', 'validation'];

export const PAGE_CLIENT_NAMESPACES = {
  '(console)/account': ['account.password', 'validation'],
  '(console)/admin/approvals': ['approvals.policy', 'validation'],
  '(console)/admin/operators': ['admin', 'shell.roles', 'validation'],
  '(console)/approvals/[id]': ['approvals', 'audit.actions', 'cardActions.preview', 'cards', 'common.confirmDialog', 'resultCodes.alert', 'validation'],
  '(console)/approvals': ['approvals', 'audit.actions', 'cards.statusChangeReasons', 'resultCodes.alert'],
  '(console)/audit': ['approvals', 'audit', 'cards.statusChangeReasons', 'resultCodes.alert'],
  '(console)/cards/unregistered': ['approvals', 'cards', 'format', 'resultCodes.alert', 'validation'],
  '(console)/members/[userId]/cards/[par]': ['approvals', 'audit', 'cardActions.field', 'cardActions.preview', 'cardActions.reason', 'cardActions.stateChange', 'cards', 'members.cards', 'members.error', 'members.profile', 'resultCodes.alert', 'validation'],
  '(console)/members/[userId]/cards/[par]/reissue': ['approvals', 'cardActions', 'cards', 'common.confirmDialog', 'common.delivery', 'format', 'members.addressPrefill', 'members.cards', 'members.error', 'members.profile', 'resultCodes.alert', 'validation'],
  '(console)/members/[userId]/issue': ['approvals', 'cardActions', 'cards', 'common.confirmDialog', 'common.delivery', 'format', 'members.addressPrefill', 'members.cards', 'members.error', 'members.profile', 'resultCodes.alert', 'validation'],
  '(console)/members/[userId]': ['approvals', 'members.cards', 'members.error', 'members.notes', 'members.profile', 'members.search', 'resultCodes.alert', 'validation'],
  '(console)/members/[userId]/timeline': ['approvals', 'audit', 'cards', 'members.notes', 'members.profile', 'resultCodes.alert', 'validation'],
  '(console)': ['approvals', 'members.search', 'resultCodes.alert', 'validation'],
  '(console)/qa': ['approvals', 'qa', 'resultCodes.alert', 'validation'],
  '(console)/review/access': ['approvals', 'audit', 'cards.statusChangeReasons', 'resultCodes.alert', 'review.access'],
  '(console)/review/access/sign-offs/[id]': ['audit', 'cards.statusChangeReasons', 'review.access'],
  '(console)/review/overview': ['audit', 'cards', 'resultCodes', 'review.overview'],
  '(console)/review': ['approvals', 'audit.actions', 'resultCodes.alert', 'review'],
  'sign-in/enrol': ['auth', 'validation'],
  'sign-in': ['auth.signIn', 'shell.language', 'validation'],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessagesPage = keyof typeof PAGE_CLIENT_NAMESPACES;
