import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/messages/en';
import { ko } from '@/lib/i18n/messages/ko';
import { explainCode, RESULT_CODES } from './result-codes';

describe('result codes', () => {
  it('explains every code in both languages, saying what to tell the member where there is something to say', () => {
    for (const locale of ['en', 'ko'] as const) {
      const t = createTranslator({ locale, messages: { en, ko }[locale], namespace: 'resultCodes' });
      for (const code of Object.keys(RESULT_CODES)) {
        const known = explainCode(code)!;
        expect(t(`${known.code}.meaning`)).not.toBe(`resultCodes.${code}.meaning`);
        if (known.tellsMember) expect(t(`${known.code}.tellMember`)).not.toBe(`resultCodes.${code}.tellMember`);
      }
    }
  });

  it('tells answers about the card from failures', () => {
    expect(explainCode('003_901')).toEqual({ code: '003_901', tellsMember: true, answer: true });
    expect(explainCode('001_006')).toEqual({ code: '001_006', tellsMember: true, answer: false });
    expect(explainCode('900_500')).toEqual({ code: '900_500', tellsMember: false, answer: false });
  });

  it('knows nothing of other codes, nor of Object’s own properties', () => {
    expect(explainCode('999_999')).toBeUndefined();
    expect(explainCode('constructor')).toBeUndefined();
    expect(explainCode(undefined)).toBeUndefined();
  });

  it('says the same in Korean as the vendor does for a member that is not one', () => {
    expect(ko.resultCodes['001_006'].meaning).toBe('회원이 아니거나 탈퇴한 회원입니다.');
    expect(en.resultCodes['001_006'].meaning).toMatch(/No wallet member has this id/);
  });
});
