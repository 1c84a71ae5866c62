import { expect, test, type Locator, type Page } from '@playwright/test';
import { callFormAction, callServerAction, formData, storageStateOf } from '../fixtures/operators';
import { sandbox } from '../fixtures/sandbox';

/**
 * Each documented code of the card-status and application endpoints, reached the way an agent
 * meets it: a cancellation the same day and the next, a used mobile card, a stale page, and
 * (for the two an honest page never sends) a hand-made request to the server action.
 */
const KIM = '1000000008';
const TODAY = 'Q1J4RT6YF4DBGL1FCWLVZ7YLEE9';
const USED = 'Q1J4VGQGRK76KDRJBAN0LJ9QWXP';
const HANEUL = '9999999999999999999';
const cardPage = (userId: string, par: string) => `/members/${userId}/cards/${par}`;

test.use({ storageState: storageStateOf('agent') });
test.beforeEach(() => sandbox.reset());

/** Opens a state change, gives a reason, confirms; returns the dialog. */
async function change(page: Page, open: string, title: string, confirm: string): Promise<Locator> {
  await page.getByRole('button', { name: open }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.getByRole('radio', { name: "Member's request" }).check();
  await dialog.getByRole('button', { name: confirm }).click();
  return dialog;
}

const cancel = (page: Page) => change(page, 'Cancel the application', 'Cancel this card application?', 'Cancel the application');

test('[agent] cancels an application the same day; a stale page’s suspension is then refused as terminated (003_022)', async ({ browser, page }) => {
  const stale = await (await browser.newContext({ storageState: storageStateOf('agent') })).newPage();
  await stale.goto(cardPage(KIM, TODAY));
  await page.goto(cardPage(KIM, TODAY));
  await expect(page.getByTestId('card-detail').getByTestId('card-verdict')).toHaveText('New card on its way (READY)');

  const before = await sandbox.calls('delivery-cancel');
  await cancel(page);
  await expect(page.getByTestId('state-change-done')).toContainText('Application AP250601MJ7KQ2TODAY0A1 cancelled', { timeout: 15_000 });
  expect(await sandbox.calls('delivery-cancel')).toBe(before + 1);
  await expect(page.getByTestId('card-detail').getByTestId('card-verdict')).toHaveText('Terminated: the card no longer exists');
  await expect(page.getByRole('button', { name: 'Suspend the card' })).toHaveCount(0);

  await stale.getByRole('button', { name: 'Suspend the card' }).click();
  const dialog = stale.getByRole('dialog', { name: 'Suspend this card?' });
  await dialog.getByRole('radio', { name: 'Stolen' }).check();
  await dialog.getByRole('button', { name: 'Suspend the card' }).click();
  const error = dialog.getByTestId('upstream-error');
  await expect(error).toContainText('This card is already terminated.', { timeout: 15_000 });
  await expect(error).toContainText('Result code 003_022');
  await expect(error).toContainText(/Correlation id \d{12}-[0-9a-f]{7}/);
});

test('[agent] the next day, a cancellation is refused: not the day of application (003_002)', async ({ page }) => {
  await sandbox.advanceDays(1);
  await page.goto(cardPage(KIM, TODAY));
  await expect(page.getByTestId('card-delivery')).toHaveAttribute('data-status', 'RECEIPT');
  const error = (await cancel(page)).getByTestId('upstream-error');
  await expect(error).toContainText('An application can only be cancelled on the day it was made', { timeout: 15_000 });
  await expect(error).toContainText('Result code 003_002');
});

test('[agent] an application whose mobile card was used cannot be cancelled (003_003)', async ({ page }) => {
  await page.goto(cardPage(KIM, USED));
  const error = (await cancel(page)).getByTestId('upstream-error');
  await expect(error).toContainText('the mobile card was used', { timeout: 15_000 });
  await expect(error).toContainText('Result code 003_003');
});

test.describe('in Korean', () => {
  test.use({ locale: 'ko-KR' });
  test('[agent] the next day’s refusal is explained in Korean, its code kept (003_002)', async ({ page }) => {
    await sandbox.advanceDays(1);
    await page.goto(cardPage(KIM, TODAY));
    await page.getByRole('button', { name: '발급 신청 취소' }).click();
    const dialog = page.getByRole('dialog', { name: '이 카드 발급 신청을 취소하시겠습니까?' });
    await dialog.getByRole('radio', { name: '회원 요청' }).check();
    await dialog.getByRole('button', { name: '발급 신청 취소' }).click();
    const error = dialog.getByTestId('upstream-error');
    await expect(error).toContainText('발급 신청은 신청한 당일(한국 시간)에만 취소할 수 있습니다.', { timeout: 15_000 });
    await expect(error).toContainText('결과 코드 003_002');
  });
});

test('[agent] a card that is not the member’s is answered as such (003_021), and so is another member’s application (003_001)', async ({ page }) => {
  // Pages bind the member's own cards and applications: only a hand-made request gets here.
  await page.goto(cardPage(HANEUL, 'Q1J4D526JR3WG30EM2U8LDJSE8V'));
  const others = 'Q1J4Q8BHQVN4GTGLX0X6SJ09FPH';
  const status = await callFormAction(page.request, cardPage(HANEUL, others), 'changeCardStatusAction', [
    HANEUL,
    others,
    { status: 'idle' },
    formData({ idempotencyKey: crypto.randomUUID(), status: 'SUSPEND', reason: 'lost' }),
  ]);
  expect(status.body).toContain('"code":"003_021"');
  expect(status.body).toContain('No card with this PAR belongs to this member.');
  const delivery = await callServerAction(page.request, cardPage(HANEUL, others), 'readCardDeliveryAction', [HANEUL, 'AP240901EZ9XY2MZPH6EBZ']);
  expect(delivery.body).toContain('"code":"003_001"');
  expect(delivery.body).toContain('Konaplate does not recognise this card or application for this member.');
});
