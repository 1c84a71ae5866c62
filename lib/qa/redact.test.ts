import { describe, expect, it } from 'vitest';
import { REMOVED, redactBody } from './redact';

describe('redactBody', () => {
  it('masks card numbers and removes CVCs, at every depth', () => {
    const redacted = redactBody(
      JSON.stringify({
        cardNo: '9410123456781234',
        expiryDate: '0829',
        cardCVC: '123',
        cardDataInfo: [{ mobileCardNo: '9410123456781234', physicalCardNo: '9410987654321098' }],
        mobileCardCVC: '456',
      }),
    )!;
    expect(redacted).not.toMatch(/\d{11,}/);
    expect(redacted).not.toContain('"123"');
    expect(redacted).not.toContain('456');
    expect(JSON.parse(redacted)).toMatchObject({ cardNo: '9410 12•• •••• 1234', cardCVC: REMOVED, mobileCardCVC: REMOVED });
  });

  it('removes the resident registration number and masks the account number', () => {
    const redacted = JSON.parse(
      redactBody('{"identityInfo":{"residentRegistrationNo":"9001011234567"},"bankInfo":{"accountNo":"110123456789"}}')!,
    );
    expect(redacted.identityInfo.residentRegistrationNo).toBe(REMOVED);
    expect(redacted.bankInfo.accountNo).toBe('••••••••6789');
  });

  it("removes a member's personal data from the member-information answer", () => {
    const body = JSON.stringify({
      userInfo: { userId: 1, userName: '김민준', loginId: 'minjun', email: 'minjun@example.com', mobileNumber: '01012348863', birthDate: '19900101', addressInfo: { address: '서울' } },
    });
    const redacted = JSON.parse(redactBody(body)!);
    expect(redacted.userInfo).toEqual({ userId: 1, userName: '김민준', loginId: REMOVED, email: REMOVED, mobileNumber: REMOVED, birthDate: REMOVED, addressInfo: REMOVED });
  });

  it('keeps a 19-digit userId exact', () => {
    expect(redactBody('{"userInfo":{"userId":9999999999999999999}}')).toContain('"9999999999999999999"');
  });

  it('keeps nothing of a body it cannot read', () => {
    expect(redactBody('{"cardCVC":"123"')).toBe('[unreadable body, 16 characters, not kept]');
  });
});
