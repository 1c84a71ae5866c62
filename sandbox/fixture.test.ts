import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FixtureError, loadFixture, parseFixture } from './fixture';
import { luhnValid } from './identifiers';
import { mergeRequest } from './scenarios';

const raw = () => JSON.parse(JSON.stringify(loadFixture())) as Record<string, Record<string, unknown>[]>;

describe('fixture', () => {
  const fixture = loadFixture();

  it('holds the members the console relies on', () => {
    const ids = fixture.members.map((m) => m.userId);
    expect(ids).toContain('9999999999999999999');
    expect(ids).toContain('9007199254740993');
    expect(ids).not.toContain('9007199254740992');
    const withCards = new Set(fixture.cards.map((c) => c.owner));
    expect(ids.some((id) => !withCards.has(id))).toBe(true);
  });

  it('has card-shaped data: Luhn-valid numbers, 27-char PARs, 22-char application numbers', () => {
    for (const card of fixture.cards) {
      for (const number of [card.mobileCardNo, card.physicalCardNo]) if (number) expect(luhnValid(number)).toBe(true);
      expect(card.par).toMatch(/^Q1J4[A-Z0-9]{23}$/);
      if (card.cardApplyNo) expect(card.cardApplyNo).toHaveLength(22);
    }
    const expiries = fixture.cards.map((c) => c.expiryDate);
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    expect(expiries.some((e) => e < today)).toBe(true);
    expect(expiries.some((e) => e > today)).toBe(true);
    expect(fixture.cards.some((c) => c.owner === null && c.cvc)).toBe(true);
  });

  it('names the bad path when invalid', () => {
    const data = raw();
    const card = data.cards![2]!;
    card.mobileCardNo = '1234567812345678';
    delete data.products![0]!.name;
    let message = '';
    try {
      parseFixture(data, 'test.json');
    } catch (error) {
      expect(error).toBeInstanceOf(FixtureError);
      message = (error as Error).message;
    }
    expect(message).toContain('Invalid sandbox fixture test.json');
    expect(message).toContain('cards[2].mobileCardNo: not Luhn-valid');
    expect(message).toContain('products[0].name');
  });

  it('checks references once the shapes are valid', () => {
    const data = raw();
    data.cards![2]!.owner = '1';
    data.cards![3]!.serviceId = 'SVCPP0000000999';
    expect(() => parseFixture(data)).toThrow(/cards\[2\]\.owner: no member 1[\s\S]*cards\[3\]\.serviceId: no product/);
  });

  it('refuses duplicates', () => {
    const data = raw();
    data.cards![1]!.par = data.cards![0]!.par;
    expect(() => parseFixture(data)).toThrow(/cards\[1\]\.par: duplicate/);
  });

  it('loads an alternative file, and says when it cannot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-fixture-'));
    const path = join(dir, 'fixture.json');
    writeFileSync(path, JSON.stringify({ members: [], products: [], cards: [] }));
    expect(loadFixture(path).members).toEqual([]);
    writeFileSync(path, '{');
    expect(() => loadFixture(path)).toThrow(/Cannot read sandbox fixture/);
  });
});

describe('mergeRequest', () => {
  it('merges deeply and removes keys set to null', () => {
    expect(mergeRequest({ a: { b: 1, c: 2 }, d: 3 }, { a: { c: null, e: 4 }, d: null })).toEqual({ a: { b: 1, e: 4 } });
  });
});
