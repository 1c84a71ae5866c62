import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';

declare module 'next-intl' {
  // Message keys and locales are type-checked wherever next-intl is used.
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
