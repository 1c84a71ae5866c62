import { expect, test } from '@playwright/test';
import { callFormAction, callServerAction, formData, storageStateOf } from '../fixtures/operators';
import { sandbox } from '../fixtures/sandbox';

/**
 * Bad input sent straight to the card-state actions, as a hand-made request would: each is
 * refused as invalid, and the sandbox's call counts prove nothing reached Konaplate.
 */
const MEMBER = '9999999999999999999';
const PAR = 'Q1J4D526JR3WG30EM2U8LDJSE8V';
const APPLICATION = 'AP240315UEZSB2P5B6SVGF';
const page = `/members/${MEMBER}/cards/${PAR}`;
const HIDDEN = { NUL: 'a\u0000b', 'right-to-left override': '\u202e12', 'line break': '12\n34' } as const;

const upstreamCalls = async () =>
  (await Promise.all((['card-status', 'delivery-cancel', 'delivery-inquiry'] as const).map((e) => sandbox.calls(e)))).reduce((a, b) => a + b, 0);

const status = (fields: Record<string, string>, ids: [string, string] = [MEMBER, PAR]) => [
  ...ids,
  { status: 'idle' },
  formData({ idempotencyKey: crypto.randomUUID(), status: 'SUSPEND', reason: 'lost', ...fields }),
];
const cancellation = (fields: Record<string, string>, application = APPLICATION) => [
  MEMBER,
  PAR,
  application,
  { status: 'idle' },
  formData({ idempotencyKey: crypto.randomUUID(), reason: 'memberRequest', ...fields }),
];

const cases: [name: string, action: string, args: unknown[]][] = [
  ...Object.entries(HIDDEN).map(([what, v]): [string, string, unknown[]] => [`a suspension's reason text with ${what}`, 'changeCardStatusAction', status({ reason: 'other', reasonText: `asked ${v}` })]),
  ['a suspension without a reason', 'changeCardStatusAction', status({ reason: '' })],
  ['an unknown reason', 'changeCardStatusAction', status({ reason: 'bored' })],
  ['"other" without words', 'changeCardStatusAction', status({ reason: 'other', reasonText: '' })],
  ['a status other than SUSPEND or RESUME', 'changeCardStatusAction', status({ status: 'DELETE' })],
  ['a reason text of 201 characters', 'changeCardStatusAction', status({ reason: 'other', reasonText: 'x'.repeat(201) })],
  ['a bound PAR with a line break', 'changeCardStatusAction', status({}, [MEMBER, `${PAR.slice(0, 26)}\n`])],
  ['a bound 20-digit member id', 'changeCardStatusAction', status({}, [`${MEMBER}1`, PAR])],
  ['no idempotency key', 'changeCardStatusAction', [MEMBER, PAR, { status: 'idle' }, formData({ status: 'SUSPEND', reason: 'lost' })]],
  ['a bound application number of 21 characters', 'cancelCardApplicationAction', cancellation({}, APPLICATION.slice(0, 21))],
  ['a cancellation reason text with a NUL', 'cancelCardApplicationAction', cancellation({ reason: 'other', reasonText: 'a\u0000b' })],
];

test.describe('bad input to the card-state actions', () => {
  test.use({ storageState: storageStateOf('agent') });
  test.beforeAll(() => sandbox.reset());

  for (const [name, action, args] of cases) {
    test(`[agent] ${name} is refused and nothing reaches Konaplate`, async ({ page: browserPage }) => {
      const before = await upstreamCalls();
      const result = await callFormAction(browserPage.request, page, action, args);
      expect(result.status).toBe(200);
      expect(result.body).toContain('"status":"invalid"');
      expect(await upstreamCalls()).toBe(before);
    });
  }

  test('[agent] a delivery inquiry for an application number with a NUL is refused and not sent', async ({ page: browserPage }) => {
    const before = await upstreamCalls();
    const result = await callServerAction(browserPage.request, page, 'readCardDeliveryAction', [MEMBER, `AP240315UEZSB2P5B6SVG\u0000`]);
    expect(result.body).toContain('"status":"invalid"');
    expect(await upstreamCalls()).toBe(before);
  });
});
