import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { callFormAction as callAction, formData as form, storageStateOf, type Role } from '../fixtures/operators';
import { ENDPOINT_KEYS } from '../../sandbox/result-codes';
import { sandbox } from '../fixtures/sandbox';
import { expectAccessible } from '../fixtures/page-checks';

/**
 * Bad input sent straight to every server action and route handler, as a hand-made request
 * would (no page, no browser-side checks): each is refused with a clear answer, and the
 * sandbox's own call counts prove that nothing reached Konaplate.
 */

const MEMBER = '9999999999999999999';
const PAR = 'Q1J4DLHMNU9VHZ5LLBLRU3M1GSV';
const KEY = () => crypto.randomUUID();

/**
 * Values no field may take, whatever the field. (A lone surrogate cannot travel in a UTF-8
 * request at all: the unit tests of lib/schemas cover it.)
 */
const HIDDEN = {
  NUL: 'a\u0000b',
  BEL: 'a\u0007b',
  'right-to-left override': '\u202e12',
  'line break': '12\n34',
} as const;
/** Identifiers, numbers and addresses take no markup either; free text (a reason) may quote it. */
const HOSTILE = { ...HIDDEN, 'script tag': '<script>alert(1)</script>' } as const;

async function upstreamCalls(): Promise<number> {
  return (await Promise.all(ENDPOINT_KEYS.map((e) => sandbox.calls(e)))).reduce((a, b) => a + b, 0);
}

interface ActionCase {
  name: string;
  role: Role;
  page: string;
  action: string;
  args: () => unknown[];
}

const prepaid = { delivery: 'delivery', serviceId: 'SVCPP0000000101', address: '세종대로 110', addressDetail: '12층', zipCode: '04524', purpose: 'NONE' };
const debit = {
  serviceId: 'SVCDC0000000201',
  bankCode: '004',
  accountNo: '110-123-456789',
  enableFIC: 'false',
  residentRegistrationNo: '900101-1234567',
  delivery: 'mobile-only',
};
const reissue = { reason: 'lost', delivery: 'mobile-only', feeAcknowledged: 'true' };
const lookup = { cardNo: '4111111111111111', expiry: '08/29', cvc: '123' };

const cases: ActionCase[] = [];
const add = (c: Omit<ActionCase, 'args' | 'name'>, variants: Record<string, () => unknown[]>) => {
  for (const [what, args] of Object.entries(variants)) cases.push({ ...c, name: `${c.action}: ${what}`, args });
};

// Find by card number: the member id and the card number.
add(
  { role: 'agent', page: '/', action: 'findCardByNumberAction' },
  {
    ...Object.fromEntries(Object.entries(HOSTILE).map(([what, v]) => [`member id with ${what}`, () => [{ status: 'idle' }, form({ userId: `1${v}`, cardNo: lookup.cardNo })]])),
    ...Object.fromEntries(Object.entries(HOSTILE).map(([what, v]) => [`card number with ${what}`, () => [{ status: 'idle' }, form({ userId: MEMBER, cardNo: `4111${v}111111111111` })]])),
    'a 20-digit member id': () => [{ status: 'idle' }, form({ userId: `${MEMBER}1`, cardNo: lookup.cardNo })],
    'a member id starting with 0': () => [{ status: 'idle' }, form({ userId: '0123', cardNo: lookup.cardNo })],
    'a negative member id': () => [{ status: 'idle' }, form({ userId: '-1', cardNo: lookup.cardNo })],
    'a card number failing its check digit': () => [{ status: 'idle' }, form({ userId: MEMBER, cardNo: '4111111111111112' })],
    'a 17-digit card number': () => [{ status: 'idle' }, form({ userId: MEMBER, cardNo: '41111111111111111' })],
  },
);

// Unregistered-card lookup.
add(
  { role: 'agent', page: '/cards/unregistered', action: 'lookupUnregisteredCardAction' },
  {
    ...Object.fromEntries(
      (['cardNo', 'expiry', 'cvc'] as const).flatMap((field) =>
        Object.entries(HOSTILE).map(([what, v]) => [`${field} with ${what}`, () => [{ status: 'idle' }, form({ ...lookup, [field]: `${lookup[field]}${v}` })]]),
      ),
    ),
    'a 13th month': () => [{ status: 'idle' }, form({ ...lookup, expiry: '13/29' })],
    'a 4-digit CVC': () => [{ status: 'idle' }, form({ ...lookup, cvc: '1234' })],
  },
);

// Prepaid issuance: bound member id, then each field.
add(
  { role: 'agent', page: `/members/${MEMBER}/issue`, action: 'issuePrepaidCardAction' },
  {
    ...Object.fromEntries(Object.entries(HOSTILE).map(([what, v]) => [`bound member id with ${what}`, () => [`9${v}`, { status: 'idle' }, form({ ...prepaid, idempotencyKey: KEY() })]])),
    'a bound 20-digit member id': () => [`${MEMBER}1`, { status: 'idle' }, form({ ...prepaid, idempotencyKey: KEY() })],
    ...Object.fromEntries(
      (['serviceId', 'address', 'addressDetail', 'zipCode'] as const).flatMap((field) =>
        Object.entries(HOSTILE).map(([what, v]) => [`${field} with ${what}`, () => [MEMBER, { status: 'idle' }, form({ ...prepaid, idempotencyKey: KEY(), [field]: `${prepaid[field]}${v}` })]]),
      ),
    ),
    'a product id in Hangul': () => [MEMBER, { status: 'idle' }, form({ ...prepaid, idempotencyKey: KEY(), serviceId: '카드상품아이디카드상품아이디카' })],
    'a 6-digit postal code': () => [MEMBER, { status: 'idle' }, form({ ...prepaid, idempotencyKey: KEY(), zipCode: '045241' })],
    'an unknown purpose': () => [MEMBER, { status: 'idle' }, form({ ...prepaid, idempotencyKey: KEY(), purpose: 'RESALE' })],
    'no idempotency key': () => [MEMBER, { status: 'idle' }, form(prepaid)],
  },
);

// Debit issuance.
add(
  { role: 'agent', page: `/members/${MEMBER}/issue`, action: 'issueDebitCardAction' },
  {
    ...Object.fromEntries(
      (['bankCode', 'accountNo', 'residentRegistrationNo', 'serviceId'] as const).flatMap((field) =>
        Object.entries(HOSTILE).map(([what, v]) => [`${field} with ${what}`, () => [MEMBER, { status: 'idle' }, form({ ...debit, idempotencyKey: KEY(), [field]: `${debit[field]}${v}` })]]),
      ),
    ),
    'account number -100': () => [MEMBER, { status: 'idle' }, form({ ...debit, idempotencyKey: KEY(), accountNo: '-100' })],
    'a 12-digit identity number': () => [MEMBER, { status: 'idle' }, form({ ...debit, idempotencyKey: KEY(), residentRegistrationNo: '900101123456' })],
  },
);

// Reissuance: bound member id and PAR, then each field.
add(
  { role: 'agent', page: `/members/${MEMBER}/cards/${PAR}/reissue`, action: 'reissuePrepaidCardAction' },
  {
    ...Object.fromEntries(Object.entries(HOSTILE).map(([what, v]) => [`bound PAR with ${what}`, () => [MEMBER, `${PAR.slice(0, 26)}${v}`, { status: 'idle' }, form({ ...reissue, idempotencyKey: KEY() })]])),
    ...Object.fromEntries(
      Object.entries(HIDDEN).map(([what, v]) => [
        `reason text with ${what}`,
        () => [MEMBER, PAR, { status: 'idle' }, form({ ...reissue, reason: 'other', reasonText: `member asked ${v}`, idempotencyKey: KEY() })],
      ]),
    ),
    'an unknown reason': () => [MEMBER, PAR, { status: 'idle' }, form({ ...reissue, reason: 'BORED', idempotencyKey: KEY() })],
    'a next product id with a NUL': () => [MEMBER, PAR, { status: 'idle' }, form({ ...reissue, nextServiceId: 'SVCPP000000010\u0000', idempotencyKey: KEY() })],
    'no fee acknowledgement': () => [MEMBER, PAR, { status: 'idle' }, form({ ...reissue, feeAcknowledged: 'false', idempotencyKey: KEY() })],
  },
);

// Operators (admin): no upstream, but the same rules.
add(
  { role: 'admin', page: '/admin/operators', action: 'createOperatorAction' },
  {
    'a name with a right-to-left override': () => [{ status: 'idle' }, form({ email: 'x@konaplate.test', name: 'Ev\u202eil', roles: 'agent', password: 'a long enough password' })],
    'an unknown role': () => [{ status: 'idle' }, form({ email: 'x@konaplate.test', name: 'X', roles: 'root', password: 'a long enough password' })],
    'a password with a NUL': () => [{ status: 'idle' }, form({ email: 'x@konaplate.test', name: 'X', roles: 'agent', password: 'a long enough\u0000password' })],
  },
);
add(
  { role: 'admin', page: '/admin/operators', action: 'setOperatorRolesAction' },
  { 'an operator id that is not a UUID': () => [{ id: "1' or '1'='1", roles: ['admin'] }] },
);
add(
  { role: 'admin', page: '/admin/operators', action: 'resetOperatorMfaAction' },
  { 'an operator id that is not a UUID': () => [{ id: "1' or '1'='1" }] },
);

// An operator's own password change: checked before anything is compared or counted.
const passwordChange = { currentPassword: 'konaplate-demo', code: '123456', newPassword: 'a-new-long-password', confirmPassword: 'a-new-long-password' };
add(
  { role: 'agent', page: '/account', action: 'changePasswordAction' },
  {
    ...Object.fromEntries(
      (['currentPassword', 'code', 'newPassword'] as const).flatMap((field) =>
        Object.entries(HIDDEN).map(([what, v]) => [`${field} with ${what}`, () => [{ status: 'idle' }, form({ ...passwordChange, [field]: `${passwordChange[field]}${v}` })]]),
      ),
    ),
    'a 5-digit code': () => [{ status: 'idle' }, form({ ...passwordChange, code: '12345' })],
    'a recovery code for the code': () => [{ status: 'idle' }, form({ ...passwordChange, code: 'abcd-efgh-jkmn' })],
    'a new password of 11 characters': () => [{ status: 'idle' }, form({ ...passwordChange, newPassword: 'elevenchars', confirmPassword: 'elevenchars' })],
  },
);
add(
  { role: 'qa', page: '/qa', action: 'switchFaultAction' },
  {
    'an unknown endpoint': () => [{ target: '../reset', fault: null }],
    'a latency of an hour': () => [{ target: 'card-list', fault: { kind: 'latency', ms: 3_600_000 } }],
  },
);

// The managers' review: comments and view names are free text, refused with hidden characters or too long.
// (A comment may run over several lines: a line break is not among its refusals.)
const hiddenComments = (extra: (comment: string) => unknown[]) =>
  Object.fromEntries([
    ...Object.entries(HIDDEN)
      .filter(([what]) => what !== 'line break')
      .map(([what, v]) => [`a comment with ${what}`, () => extra(`seen ${v}`)]),
    ['a comment of 2,001 characters', () => extra('x'.repeat(2_001))],
  ]);
add(
  { role: 'manager', page: '/review', action: 'changeFindingStatusAction' },
  {
    ...hiddenComments((comment) => [1, 'open', { status: 'idle' }, form({ to: 'acknowledged', comment })]),
    'a finding id that is not a number': () => ["1' or '1'='1", 'open', { status: 'idle' }, form({ to: 'acknowledged', comment: 'ok' })],
    'an unknown status': () => [1, 'open', { status: 'idle' }, form({ to: 'deleted', comment: 'ok' })],
  },
);
add(
  { role: 'manager', page: '/review/access', action: 'signOffAccessReviewAction' },
  hiddenComments((comment) => ['0'.repeat(64), { status: 'idle' }, form({ comment })]),
);
add(
  { role: 'manager', page: '/audit', action: 'saveAuditViewAction' },
  {
    ...Object.fromEntries(Object.entries(HIDDEN).map(([what, v]) => [`a view name with ${what}`, () => [{}, { status: 'idle' }, form({ name: `Failures ${v}` })]])),
    'a view name of 81 characters': () => [{}, { status: 'idle' }, form({ name: 'x'.repeat(81) })],
    'filters that do not validate': () => [{ member: '0123' }, { status: 'idle' }, form({ name: 'Bad member' })],
  },
);

// Maker–checker: the decision's comment and identity number, the policy's numbers and rules.
const REQUEST = '00000000-0000-4000-8000-000000000000';
add(
  { role: 'manager', page: `/approvals/${REQUEST}`, action: 'decideRequestAction' },
  {
    ...Object.fromEntries(Object.entries(HIDDEN).map(([what, v]) => [`a comment with ${what}`, () => [REQUEST, { status: 'idle' }, form({ decision: 'reject', comment: `no ${v}` })]])),
    'a rejection without a comment': () => [REQUEST, { status: 'idle' }, form({ decision: 'reject', comment: '' })],
    'an unknown decision': () => [REQUEST, { status: 'idle' }, form({ decision: 'execute', comment: '' })],
    'a request id that is not a UUID': () => ["1' or '1'='1", { status: 'idle' }, form({ decision: 'approve' })],
  },
);
const policy = { enabled: 'on', rules: ['reissue-prepaid'], balanceThresholdKrw: '', ttlMinutes: '30' };
add(
  { role: 'admin', page: '/admin/approvals', action: 'setApprovalPolicyAction' },
  {
    'an unknown rule': () => [{ status: 'idle' }, form({ ...policy, rules: ['refund'] })],
    'a threshold with a comma': () => [{ status: 'idle' }, form({ ...policy, balanceThresholdKrw: '1,000' })],
    'a waiting time of a day and a minute': () => [{ status: 'idle' }, form({ ...policy, ttlMinutes: '1441' })],
    ...Object.fromEntries(Object.entries(HIDDEN).map(([what, v]) => [`a threshold with ${what}`, () => [{ status: 'idle' }, form({ ...policy, balanceThresholdKrw: `10${v}` })]])),
  },
);

test.describe('bad input sent straight to the server', () => {
  test.beforeAll(async () => {
    await sandbox.reset();
  });

  for (const c of cases) {
    test(`[${c.role}] ${c.name} is refused and nothing reaches Konaplate`, async ({ browser }) => {
      const context = await browser.newContext({ storageState: storageStateOf(c.role) });
      try {
        const before = await upstreamCalls();
        const result = await callAction(context.request, c.page, c.action, c.args());
        expect(result.status).toBe(200);
        expect(result.body).toContain('"status":"invalid"');
        expect(await upstreamCalls()).toBe(before);
      } finally {
        await context.close();
      }
    });
  }

  for (const [what, path] of Object.entries({
    'a 20-digit member id': `/api/members/${MEMBER}1/cards`,
    'a member id with a NUL': `/api/members/1%00/cards`,
    'a member id with a right-to-left override': `/api/members/%E2%80%AE12/cards`,
    'a PAR with script': `/api/members/${MEMBER}/cards?par=%3Cscript%3E`,
    'a PAR with a line break': `/api/members/${MEMBER}/cards?par=${PAR.slice(0, 26)}%0A`,
  })) {
    test(`[agent] the cards route refuses ${what} and nothing reaches Konaplate`, async ({ browser }) => {
      const context = await browser.newContext({ storageState: storageStateOf('agent') });
      try {
        const before = await upstreamCalls();
        const response = await context.request.get(path);
        expect(response.status()).toBe(400);
        expect(((await response.json()) as { error: string }).error).toBeTruthy();
        expect(await upstreamCalls()).toBe(before);
      } finally {
        await context.close();
      }
    });
  }

  for (const query of ['member=1%00', 'member=0123', 'code=%3Cscript%3E', 'correlationId=a%0Ab', 'from=yesterday', 'action=drop-table']) {
    test(`[manager] the audit export refuses ${query}`, async ({ browser }) => {
      const context = await browser.newContext({ storageState: storageStateOf('manager') });
      try {
        const response = await context.request.get(`/api/audit/export?${query}`);
        expect(response.status()).toBe(400);
      } finally {
        await context.close();
      }
    });
  }

  test('the sweep has at least 100 cases', () => {
    expect(cases.length + 5 + 6).toBeGreaterThanOrEqual(100);
  });
});

/**
 * The same refusals as an operator meets them on a page, in each language: the error next to
 * the field in the operator's language, and nothing sent.
 */
const IN_LANGUAGE = {
  'en-US': {
    hidden: 'Remove the hidden control or text-direction characters (they often come with pasted text).',
    memberIdTooLong: 'The member id has at most 19 digits.',
    addressTooLong: 'At most 255 characters.',
    addressLabel: 'Road-name address',
    otherLanguage: ['회원 ID는 19자리 이하의 숫자입니다.', '255자 이하로 입력하세요.', '도로명 주소'],
  },
  'ko-KR': {
    hidden: '보이지 않는 제어 문자나 방향 지정 문자를 지우세요. 붙여 넣은 글에 섞여 들어오는 경우가 많습니다.',
    memberIdTooLong: '회원 ID는 19자리 이하의 숫자입니다.',
    addressTooLong: '255자 이하로 입력하세요.',
    addressLabel: '도로명 주소',
    otherLanguage: ['The member id has at most 19 digits.', 'At most 255 characters.', 'Road-name address', 'Back to the form'],
  },
} as const;

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
}

for (const [locale, words] of Object.entries(IN_LANGUAGE)) {
  test.describe(`[agent] bad input typed into a form, in ${locale}`, () => {
    test.use({ locale, storageState: storageStateOf('agent') });

    test('the member search refuses a control character and a 20-digit id next to the field, and searches nothing', async ({ page }, testInfo) => {
      await page.goto('/');
      const before = await upstreamCalls();
      // The field by its name: its label is the members page's own words.
      const memberId = page.locator('input[name="userId"]');
      await memberId.fill('123\u0007456');
      await expect(page.getByText(words.hidden)).toBeVisible();
      await memberId.fill(`${MEMBER}1`);
      await expect(page.getByText(words.memberIdTooLong)).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL('/');
      for (const text of words.otherLanguage) await expect(page.getByText(text)).toHaveCount(0);
      await attachScreenshot(page, testInfo, 'member search');
      await expectAccessible(page);
      expect(await upstreamCalls()).toBe(before);
    });

    test('the issuance form refuses a control character and a too-long address next to the field, and sends nothing', async ({ page }, testInfo) => {
      await page.goto(`/members/${MEMBER}/issue?tab=prepaid&serviceId=SVCPP0000000101`);
      const before = await upstreamCalls();
      // The prepaid tab's form (the debit form waits in its hidden tab).
      const form = page.locator('form').filter({ visible: true });
      const address = form.getByLabel(words.addressLabel);
      await address.fill('세종대로\u0007110');
      await address.blur();
      await expect(page.getByText(words.hidden)).toBeVisible();
      await address.fill('세'.repeat(256));
      await expect(page.getByText(words.addressTooLong)).toBeVisible();
      // Review: the form's last button (its words are the card-action page's own).
      await form.getByRole('button').last().click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
      for (const text of words.otherLanguage) await expect(page.getByText(text)).toHaveCount(0);
      await attachScreenshot(page, testInfo, 'prepaid issuance');
      await expectAccessible(page);
      expect(await upstreamCalls()).toBe(before);
    });
  });
}
