import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents } from '@/lib/db/schema';
import { appendAuditEvent } from './append';
import { storableText, storableValue } from './storable';
import { auditInput, describeOnDatabases } from './testing/database-suite';
import { verifyAuditChain } from './verify';

const HOSTILE = ['a\u0000b', 'lone \uD800 high', 'lone \uDC00 low', '\u202Eevil', '<script>x</script>', '\u0007bell'];

it('writes NUL as visible text and lone surrogates as U+FFFD, and changes nothing else', () => {
  expect(storableText('a\u0000b')).toBe('a\\u0000b');
  expect(storableText('x\uD800y')).toBe('x\uFFFDy');
  expect(storableText('한국어 \uD83D\uDE00')).toBe('한국어 \uD83D\uDE00');
  expect(storableValue({ 'k\u0000': ['v\u0000', 1, Number.NaN, 10n, null, true] })).toEqual({ 'k\\u0000': ['v\\u0000', 1, 'NaN', '10', null, true] });
});

describeOnDatabases('audited values, whatever they hold', (fresh) => {
  it('are stored, and the chain still verifies', async () => {
    const db = await fresh();
    for (const value of HOSTILE) {
      const { id } = await appendAuditEvent(db, auditInput({ cardRef: value, resultCode: value, request: { reasonText: value, [value]: [value] } }), {
        client: { ip: value, userAgent: value },
      });
      const [row] = await db.select().from(auditEvents).where(eq(auditEvents.id, id));
      expect(row?.cardRef).toBe(storableText(value));
      expect(row?.requestSummary).toEqual(storableValue({ reasonText: value, [value]: [value] }));
    }
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: HOSTILE.length });
  });
});
