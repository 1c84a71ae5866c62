import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from '@/sandbox/endpoints';
import { loadFixture } from '@/sandbox/fixture';
import { parseJson, stringifyJson } from '@/sandbox/json-body';
import { listScenarios, scenarioWireBody, type Scenario } from '@/sandbox/scenarios';
import { SandboxState } from '@/sandbox/state';
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

describe('redactBody over every sandbox scenario of the endpoints the console calls', () => {
  const fixture = loadFixture();
  const state = new SandboxState(fixture);
  // What QA must never read in clear: every member's contact, birth date and address in the fixture.
  const personal = fixture.members.flatMap(({ profile }) =>
    profile
      ? [profile.email, profile.mobileNumber, profile.mobileNumber.replace(/-/g, ''), profile.birthDate, ...Object.values(profile.addressInfo ?? {})]
      : [],
  );
  // Each scenario's request and, where it succeeds, the sandbox's answer, computed in-process on fresh state.
  const answers = listScenarios(fixture).map((scenario): { scenario: Scenario; request: string; answer?: string } => {
    const endpoint = ENDPOINTS.find((e) => e.key === scenario.endpoint)!;
    state.reset();
    const request = scenarioWireBody(scenario.request);
    try {
      return { scenario, request, answer: stringifyJson({ responseCode: '000_000', data: endpoint.handle(parseJson(request), { state, now: state.now() }) }) };
    } catch {
      return { scenario, request };
    }
  });

  it('covers the member-information answers', () => {
    expect(answers.filter(({ scenario, answer }) => scenario.endpoint === 'member-info' && answer).length).toBeGreaterThanOrEqual(3);
    expect(personal.length).toBeGreaterThan(5);
  });

  it('keeps no phone, e-mail, birth date, address or card number of a member, in requests or answers', () => {
    const kept = answers.flatMap(({ request, answer }) => [redactBody(request)!, ...(answer ? [redactBody(answer)!] : [])]).join('\n');
    expect(personal.filter((value) => value && kept.includes(value))).toEqual([]);
    const cardNumbers = fixture.cards.flatMap((card) => [card.mobileCardNo, card.physicalCardNo]).filter((number): number is string => !!number);
    expect(cardNumbers.filter((number) => kept.includes(number))).toEqual([]);
  });
});
