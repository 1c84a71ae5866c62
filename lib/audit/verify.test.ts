import { describe, expect, it } from 'vitest';
import { canonicalJson, chainKey, eventHash, type ChainedFields, type ChainKey } from './chain';
import { describeVerification, verifyChainRows, type ChainRow } from './verify';

function fields(i: number): ChainedFields {
  return {
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
    operatorId: null,
    operatorEmail: 'agent@konaplate.test',
    operatorRoles: ['agent'],
    action: 'search',
    memberId: '1234567890123456789',
    cardRef: null,
    requestSummary: { query: `q${i}`, nested: { b: 1, a: [1, 2] } },
    outcome: 'ok',
    resultCode: '000_000',
    correlationId: `c${i}`,
    durationMs: i,
    clientIp: '127.0.0.1',
    userAgent: 'vitest',
  };
}

/** Chains written before keys: verified as plain SHA-256. */
const UNKEYED = new Map<string, ChainKey>();

/** A valid chain of n rows, ids 1..n, optionally continuing from `prevHash`, keyed with `key` if given. */
function chain(n: number, prevHash: string | null = null, firstId = 1, key?: ChainKey): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = prevHash;
  for (let i = 0; i < n; i++) {
    const f = fields(firstId + i);
    const hash = eventHash(prev, f, key);
    rows.push({ ...f, id: firstId + i, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

async function* inBatches(rows: ChainRow[], size: number) {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

const noPurge = async () => null;

describe('hash chain', () => {
  it('hashes canonically: key order does not matter, content and the previous hash do', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 1 }], c: undefined } })).toBe('{"a":{"d":[1,{"e":1,"f":2}]},"b":1}');
    const f = fields(1);
    const reordered = { ...f, requestSummary: { nested: { a: [1, 2], b: 1 }, query: 'q1' } };
    expect(eventHash(null, reordered)).toBe(eventHash(null, f));
    expect(eventHash('x', f)).not.toBe(eventHash(null, f));
    expect(eventHash(null, { ...f, outcome: 'rejected' })).not.toBe(eventHash(null, f));
    expect(eventHash(null, { ...f, at: new Date(f.at.getTime() + 1) })).not.toBe(eventHash(null, f));
  });

  it('hashes exactly the chained fields, as stored events were hashed (a change here breaks every chain)', () => {
    const f = fields(1);
    expect(eventHash(null, f)).toBe('1c4f10aff5ce254287db9e8bbccd61fceb3fe4d639752ce2277b1ada61c773c2');
    expect(eventHash('abc', f)).toBe('769a1d7237f159aa31b98ce647e565d19bd6805dc74b1053e86b9c49ff5b0680');
    // What is not chained content (a row's id and links, a listing's extras) does not count.
    expect(eventHash(null, { ...f, id: 7, prevHash: 'x', hash: 'y' } as typeof f)).toBe(eventHash(null, f));
  });
});

describe('verifyChainRows', () => {
  it('accepts an intact chain, batch by batch, and reports its head', async () => {
    const rows = chain(10);
    const progress: number[] = [];
    const result = await verifyChainRows(inBatches(rows, 3), noPurge, UNKEYED, (n) => progress.push(n));
    expect(result).toEqual({ ok: true, checked: 10, start: { kind: 'genesis', id: 1 }, head: { id: 10, hash: rows[9]!.hash }, unkeyed: 10, broken: null });
    expect(progress).toEqual([3, 6, 9, 10]);
    expect(await verifyChainRows(inBatches([], 3), noPurge, UNKEYED)).toMatchObject({ ok: true, checked: 0, start: { kind: 'empty' } });
  });

  it('finds a tampered row: expected (recomputed) vs stored hash', async () => {
    const rows = chain(8);
    rows[4] = { ...rows[4]!, outcome: 'rejected' };
    const result = await verifyChainRows(inBatches(rows, 3), noPurge, UNKEYED);
    expect(result.ok).toBe(false);
    expect(result.checked).toBe(5);
    expect(result.head).toEqual({ id: 4, hash: rows[3]!.hash });
    expect(result.broken).toEqual({
      id: 5,
      kind: 'hash-mismatch',
      expected: eventHash(rows[3]!.hash, rows[4]!),
      stored: rows[4]!.hash,
      previousId: 4,
    });
    expect(describeVerification(result)).toMatch(/BROKEN at event 5: its content does not match/);
  });

  it('finds a tampered row whose hash was recomputed: the next link breaks', async () => {
    const rows = chain(6);
    const forged = { ...rows[2]!, outcome: 'rejected' };
    forged.hash = eventHash(forged.prevHash, forged);
    rows[2] = forged;
    const result = await verifyChainRows(inBatches(rows, 2), noPurge, UNKEYED);
    expect(result.broken).toMatchObject({ id: 4, kind: 'prev-hash-mismatch', expected: forged.hash, stored: rows[3]!.prevHash, previousId: 3 });
  });

  it('finds a removed row and swapped rows', async () => {
    const rows = chain(6);
    const removed = [...rows.slice(0, 2), ...rows.slice(3)];
    expect((await verifyChainRows(inBatches(removed, 10), noPurge, UNKEYED)).broken).toMatchObject({ id: 4, kind: 'prev-hash-mismatch', previousId: 2 });
    const swapped = [rows[0]!, rows[2]!, rows[1]!, ...rows.slice(3)];
    expect((await verifyChainRows(inBatches(swapped, 10), noPurge, UNKEYED)).broken).toMatchObject({ id: 3, kind: 'prev-hash-mismatch' });
  });

  it('accepts a start after an audited purge, and only then', async () => {
    const purged = chain(3);
    const rest = chain(4, purged[2]!.hash, 4);
    const anchored = async (prevHash: string) => (prevHash === purged[2]!.hash ? 99 : null);
    expect(await verifyChainRows(inBatches(rest, 2), anchored, UNKEYED)).toMatchObject({ ok: true, start: { kind: 'purge', id: 4, purgeEventId: 99 } });
    const result = await verifyChainRows(inBatches(rest, 2), noPurge, UNKEYED);
    expect(result.broken).toEqual({ id: 4, kind: 'unanchored-start', expected: null, stored: purged[2]!.hash, previousId: null });
    expect(describeVerification(result)).toMatch(/no audited purge accounts for it/);
  });

  describe('with a keyed chain', () => {
    const keyA = chainKey('a'.repeat(32));
    const keyB = chainKey('b'.repeat(32));
    const ring = (...keys: ChainKey[]) => new Map(keys.map((k) => [k.id, k]));

    it('verifies with the key, and names the key in every hash (never the secret)', async () => {
      const rows = chain(5, null, 1, keyA);
      expect(rows[0]!.hash).toMatch(/^k[0-9a-f]{8}:[0-9a-f]{64}$/);
      expect(rows[0]!.hash).not.toContain('a'.repeat(8));
      expect(await verifyChainRows(inBatches(rows, 2), noPurge, ring(keyA))).toMatchObject({ ok: true, checked: 5, unkeyed: 0 });
    });

    it('detects a rewrite by someone without the key, however they hash it', async () => {
      const rows = chain(5, null, 1, keyA);
      // Rewritten from event 3 on, re-chained with plain SHA-256, then with a guessed key.
      for (const forger of [undefined, chainKey('guess'.repeat(8))]) {
        const forged = [...rows.slice(0, 2), ...chain(3, rows[1]!.hash, 3, forger).map((r) => ({ ...r, outcome: 'rejected' }))];
        forged.forEach((r, i) => i >= 2 && (r.hash = eventHash(r.prevHash, r, forger)));
        const result = await verifyChainRows(inBatches(forged, 10), noPurge, ring(keyA));
        expect(result.ok).toBe(false);
        expect(result.broken?.id).toBe(3);
        expect(['unkeyed-after-keyed', 'unknown-key']).toContain(result.broken?.kind);
      }
    });

    it('verifies across a key rotation while the previous key is kept, and says so when it is lost', async () => {
      const before = chain(3, null, 1, keyA);
      const after = chain(3, before[2]!.hash, 4, keyB);
      expect(await verifyChainRows(inBatches([...before, ...after], 2), noPurge, ring(keyB, keyA))).toMatchObject({ ok: true, checked: 6 });
      const lost = await verifyChainRows(inBatches([...before, ...after], 2), noPurge, ring(keyB));
      expect(lost.broken).toMatchObject({ id: 1, kind: 'unknown-key' });
      expect(describeVerification(lost)).toMatch(/a key this verifier was not given/);
    });

    it('accepts unkeyed events only before the first keyed one', async () => {
      const old = chain(2);
      const keyed = chain(2, old[1]!.hash, 3, keyA);
      const result = await verifyChainRows(inBatches([...old, ...keyed], 10), noPurge, ring(keyA));
      expect(result).toMatchObject({ ok: true, unkeyed: 2 });
      expect(describeVerification(result)).toMatch(/first 2 were chained before the chain was keyed/);
    });
  });
});
