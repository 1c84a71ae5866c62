import { describe, expect, it } from 'vitest';
import { encodeCursor } from './cursor';
import en from '@/lib/i18n/messages/en/audit.json';
import ko from '@/lib/i18n/messages/ko/audit.json';
import { auditQueryString, filterErrorText, parseAuditQuery } from './filters';

/** A translator over one language's `audit` messages (plain lookups: these have no arguments). */
const translator = (messages: typeof en) => (key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) as string;

describe('parseAuditQuery', () => {
  it('reads every filter, times in Korea time, `to` inclusive of its day or minute', () => {
    const parsed = parseAuditQuery({
      from: '2026-05-01',
      to: '2026-05-02T10:30',
      operator: ' Agent@Konaplate.TEST ',
      member: '9007199254740993123',
      action: 'reissue-prepaid',
      outcome: 'upstream_error',
      code: '003_018',
      correlationId: 'KP-20260501-0001',
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.filters).toEqual({
      from: new Date('2026-04-30T15:00:00Z'),
      toExclusive: new Date('2026-05-02T01:31:00Z'),
      operatorEmail: 'agent@konaplate.test',
      operatorId: undefined,
      memberId: '9007199254740993123',
      action: 'reissue-prepaid',
      outcome: 'upstream_error',
      resultCode: '003_018',
      correlationId: 'KP-20260501-0001',
      hideRoutine: false,
    });
    expect(parseAuditQuery({ to: '2026-05-02' })).toMatchObject({ ok: true, filters: { toExclusive: new Date('2026-05-02T15:00:00Z') } });
    expect(parseAuditQuery({ from: '2026-05-01T00:00:00Z' })).toMatchObject({ ok: true, filters: { from: new Date('2026-05-01T00:00:00Z') } });
    expect(parseAuditQuery({ operator: '11111111-1111-4111-8111-111111111111' })).toMatchObject({
      ok: true,
      filters: { operatorId: '11111111-1111-4111-8111-111111111111', operatorEmail: undefined },
    });
  });

  it('treats empty values as absent and takes the first of repeated ones', () => {
    expect(parseAuditQuery({ operator: '', member: '  ', action: ['sign-in', 'search'] })).toMatchObject({
      ok: true,
      filters: { action: 'sign-in' },
      raw: { action: 'sign-in' },
    });
    expect(parseAuditQuery(new URLSearchParams('outcome=ok&cursor='))).toMatchObject({ ok: true, cursor: null });
  });

  it('hides sign-ins, sign-outs and reads of the trail unless shown, or named by the action filter', () => {
    expect(parseAuditQuery({})).toMatchObject({ ok: true, filters: { hideRoutine: true } });
    expect(parseAuditQuery({ outcome: 'ok' })).toMatchObject({ ok: true, filters: { hideRoutine: true } });
    expect(parseAuditQuery({ signIns: 'show' })).toMatchObject({ ok: true, filters: { hideRoutine: false }, raw: { signIns: 'show' } });
    expect(parseAuditQuery({ action: 'sign-out' })).toMatchObject({ ok: true, filters: { hideRoutine: false } });
    expect(parseAuditQuery({ signIns: 'yes' })).toMatchObject({ ok: false, problems: ['signIns:signIns'] });
    expect(auditQueryString({ outcome: 'ok', signIns: 'show' })).toBe('?outcome=ok&signIns=show');
  });

  it('answers bad values with problems naming the filter, in the operator’s words', () => {
    const parsed = parseAuditQuery({
      from: '2026-02-30',
      to: 'yesterday',
      member: '12345678901234567890',
      action: 'drop-table',
      outcome: 'maybe',
      code: '<script>',
      operator: 'not an email',
      cursor: 'garbage',
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(
      expect.arrayContaining(['from:time', 'to:time', 'member:member', 'action:action', 'outcome:outcome', 'code:code', 'operator:operator', 'cursor:cursor']),
    );
    expect(parsed.problems.map((problem) => filterErrorText(problem, translator(en)))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^From: expected a date/),
        expect.stringMatching(/^To: expected a date/),
        'Member: expected a member id: 1 to 19 digits, not starting with 0',
        'Action: unknown action',
        'Outcome: unknown outcome',
        expect.stringMatching(/^Result code:/),
        'Operator: expected an operator email or id',
        expect.stringMatching(/^Page: this page link is not valid/),
      ]),
    );
    expect(filterErrorText('member:member', translator(ko as typeof en))).toBe(
      '회원 ID: 0으로 시작하지 않는 1~19자리 숫자로 입력하세요.',
    );
    expect(filterErrorText('not one of ours', translator(en))).toBe('not one of ours');
    expect(parsed.raw.member).toBe('12345678901234567890');
    expect(parseAuditQuery({ from: '2026-05-02', to: '2026-05-01' })).toMatchObject({ ok: false, problems: ['from:order'] });
    expect(filterErrorText('from:order', translator(en))).toBe('From: "from" is after "to"');
  });
});

describe('cursor and links', () => {
  it('takes the page cursor through the cursor codec: a plain keyset cursor, nothing else', () => {
    const cursor = { at: '2026-05-01T00:00:00.123456Z', id: 42 };
    expect(parseAuditQuery({ cursor: encodeCursor(cursor) })).toMatchObject({ ok: true, cursor });
    expect(parseAuditQuery({ cursor: encodeCursor({ ...cursor, kind: 'action' }) })).toMatchObject({ ok: false });
  });

  it('builds shareable query strings without empty values', () => {
    expect(auditQueryString({ operator: 'a@b.c', member: '', action: 'sign-in' }, 'CUR')).toBe('?operator=a%40b.c&action=sign-in&cursor=CUR');
    expect(auditQueryString({})).toBe('');
  });
});
