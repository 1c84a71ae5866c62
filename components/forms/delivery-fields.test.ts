import { createElement, type ComponentProps, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/messages/en';
import { ko } from '@/lib/i18n/messages/ko';
import { deliverySummary, initialDelivery } from './delivery-fields';

type Provided = ComponentProps<typeof NextIntlClientProvider>;

/** What a summary line reads, in a language. */
const read = (locale: 'en' | 'ko', line: ReactNode[]) =>
  line.map((node) => renderToStaticMarkup(createElement(NextIntlClientProvider, { locale, messages: { en, ko }[locale], timeZone: 'Asia/Seoul' } as Provided, node)));

describe('delivery fields', () => {
  it('open empty, delivered unless told otherwise', () => {
    expect(initialDelivery()).toEqual({ delivery: 'delivery', address: '', addressDetail: '', zipCode: '' });
    expect(initialDelivery('mobile-only').delivery).toBe('mobile-only');
  });

  it('restate where the card goes, or that it is not delivered', () => {
    const address = { address: '서울특별시 중구 세종대로 110', addressDetail: '3층', zipCode: '04524' };
    expect(read('en', deliverySummary({ delivery: 'delivery', ...address }))).toEqual(['Delivery', '서울특별시 중구 세종대로 110 3층 (04524)']);
    expect(read('en', deliverySummary({ delivery: 'mobile-only', ...address }))).toEqual(['Delivery', 'Mobile card only']);
    expect(read('ko', deliverySummary({ delivery: 'mobile-only', ...address }))).toEqual(['배송', '모바일카드만 발급']);
  });
});
