import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { namespaceTable, pagesWithClientMessages, renderTable, TABLE_FILE } from '@/scripts/i18n-namespaces';
import { pickMessages } from './client-messages';
import { PAGE_CLIENT_NAMESPACES, ROOT_CLIENT_NAMESPACES } from './client-namespaces';
import { MESSAGES } from './messages';

describe('the messages each page sends to the browser', () => {
  it('are listed as the code uses them (else: npm run i18n:namespaces)', () => {
    expect(readFileSync(TABLE_FILE, 'utf8')).toBe(renderTable(namespaceTable()));
  });

  it('are given by every page whose client components translate', () => {
    const pages = pagesWithClientMessages();
    expect(pages.length).toBeGreaterThan(10);
    for (const { file, key } of pages) {
      expect(readFileSync(file, 'utf8'), `${file} must render <ClientMessages page="${key}">`).toContain(`<ClientMessages page="${key}">`);
    }
  });

  it('name namespaces both catalogues have', () => {
    for (const namespaces of [ROOT_CLIENT_NAMESPACES, ...Object.values(PAGE_CLIENT_NAMESPACES)]) {
      for (const messages of Object.values(MESSAGES)) expect(() => pickMessages(messages, namespaces)).not.toThrow();
    }
  });

  it('the card list sends a fraction of the catalogue', () => {
    const size = (value: unknown) => JSON.stringify(value).length;
    const page = pickMessages(MESSAGES.en, PAGE_CLIENT_NAMESPACES['(console)/members/[userId]']);
    expect(size(page) + size(pickMessages(MESSAGES.en, ROOT_CLIENT_NAMESPACES))).toBeLessThan(size(MESSAGES.en) / 2);
  });
});

describe('pickMessages', () => {
  const messages = { a: { b: { c: 'C', d: 'D' }, e: 'E' }, f: { g: 'G' } };

  it('keeps the shape of what it picks, and only that', () => {
    expect(pickMessages(messages, ['a.b', 'f'])).toEqual({ a: { b: { c: 'C', d: 'D' } }, f: { g: 'G' } });
    expect(pickMessages(messages, ['a.b.c', 'a.e'])).toEqual({ a: { b: { c: 'C' }, e: 'E' } });
  });

  it('refuses a namespace the catalogue lacks', () => {
    expect(() => pickMessages(messages, ['a.x'])).toThrow('no messages under "a.x"');
    expect(() => pickMessages(messages, ['a.e.z'])).toThrow('no messages under "a.e.z"');
  });
});
