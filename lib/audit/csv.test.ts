import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en/audit.json';
import ko from '@/lib/i18n/messages/ko/audit.json';
import { auditCsvHeader, auditCsvRow, csvCell, csvLine } from './csv';

describe('CSV', () => {
  it('escapes quotes, commas and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell({ b: 'x,y' })).toBe('"{""b"":""x,y""}"');
    expect(csvLine(['a', null, 'b'])).toBe('a,,b\r\n');
  });

  it('neutralises spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=1')).toBe('a=1');
  });

  it('writes one audit event per line under a header', () => {
    expect(auditCsvHeader((column) => en.csv[column])).toMatch(/^id,at,operator_email,.*,hash\r\n$/);
    expect(auditCsvHeader((column) => ko.csv[column])).toMatch(/^이벤트 ID,일시\(UTC\),운영자 이메일,.*,해시\r\n$/);
    const line = auditCsvRow({
      id: 7,
      at: '2026-05-01T00:00:00.000Z',
      operatorId: null,
      operatorEmail: 'agent@konaplate.test',
      operatorRoles: ['agent', 'qa'],
      action: 'search',
      memberId: '9007199254740993123',
      cardRef: null,
      requestSummary: { query: '=cmd' },
      outcome: 'ok',
      resultCode: null,
      correlationId: 'c1',
      durationMs: 12,
      clientIp: null,
      userAgent: 'Mozilla/5.0 (X11; Linux)',
      hash: 'abc',
    });
    expect(line).toBe('7,2026-05-01T00:00:00.000Z,agent@konaplate.test,,agent qa,search,9007199254740993123,,ok,,c1,12,,Mozilla/5.0 (X11; Linux),"{""query"":""=cmd""}",abc\r\n');
  });
});
