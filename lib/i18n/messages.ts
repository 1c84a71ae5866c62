import { en } from './messages/en';
import { ko } from './messages/ko';
import type { Locale } from './locales';

export type { Messages } from './messages/en';

/** Both languages' messages, loaded with the server (a few kB each). */
export const MESSAGES = { en, ko } as const satisfies Record<Locale, typeof en>;
