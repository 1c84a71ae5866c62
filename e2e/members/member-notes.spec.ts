import { expect, test, type Browser, type Page } from '@playwright/test';
import { callFormAction, formData, storageStateOf, type Role } from '../fixtures/operators';
import { sandbox } from '../fixtures/sandbox';
import { expectAccessible, screenshot } from '../fixtures/page-checks';

/**
 * Notes on a member: short, dated, signed, append-only, audited, on the member page and the
 * member's timeline; refused input explained next to the field, nothing stored.
 */
const MEMBER = '1000000001'; // 박지민 (sandbox fixture)

async function pageAs(browser: Browser, role: Role) {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return { page: await context.newPage(), close: () => context.close() };
}

const notesOf = (page: Page) => page.getByRole('region', { name: 'Notes' });
const noteField = (page: Page) => notesOf(page).getByRole('textbox', { name: 'Note' });

test.beforeEach(() => sandbox.reset());

test.describe('[agent] member notes', () => {
  test.use({ storageState: storageStateOf('agent') });

  test('leaves a note of two lines with the keyboard alone; it is signed, dated, audited and on the timeline', async ({ page, browser }, testInfo) => {
    const text = `asked for the card to be sent to the office ${Date.now()}`;
    await page.goto(`/members/${MEMBER}`);
    await noteField(page).click();
    await page.keyboard.type(text);
    // Enter starts a new line; it does not add the note.
    await page.keyboard.press('Enter');
    await page.keyboard.type('(call back after 3 pm)');
    await expect(notesOf(page).getByTestId('member-note').filter({ hasText: text })).toHaveCount(0);
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(notesOf(page).getByText('Note added.')).toBeVisible();
    const note = notesOf(page).getByTestId('member-note').filter({ hasText: text });
    await expect(note).toContainText('by agent@konaplate.test');
    await expect(note).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expect(noteField(page)).toHaveValue('');
    await screenshot(page, testInfo, 'member-notes');
    await expectAccessible(page);

    // Kept by the console, newest first, lines as written.
    await page.reload();
    await expect(notesOf(page).getByTestId('member-note').first()).toHaveText(new RegExp(`${text}\\s*\\(call back after 3 pm\\)`));

    // A manager reads it on the member's timeline, next to its audit event.
    const manager = await pageAs(browser, 'manager');
    await manager.page.goto(`/members/${MEMBER}/timeline`);
    const onTimeline = manager.page.getByTestId('timeline-note').filter({ hasText: text });
    await expect(onTimeline).toContainText('by agent@konaplate.test');
    await expect(manager.page.getByTestId('timeline-action').filter({ hasText: 'Member note' }).first()).toBeVisible();
    await manager.close();
  });

  test('refuses a note with a direction override or over 500 characters, next to the field, and stores nothing', async ({ page }) => {
    await page.goto(`/members/${MEMBER}`);
    const notes = notesOf(page).getByTestId('member-note');
    const before = await notes.count();

    await noteField(page).fill('card to the \u202Eeciffo');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(notesOf(page).getByText('Remove the hidden control or text-direction characters')).toBeVisible();

    await noteField(page).fill('x'.repeat(501));
    await notesOf(page).getByRole('button', { name: 'Add note' }).click();
    await expect(notesOf(page).getByText('At most 500 characters.')).toBeVisible();

    // Sent straight to the action, as a hand-made request: refused there too.
    const answer = await callFormAction(page.request, `/members/${MEMBER}`, 'addMemberNoteAction', [
      MEMBER,
      { status: 'idle' },
      formData({ body: 'card to the \u202Eeciffo', idempotencyKey: crypto.randomUUID() }),
    ]);
    expect(answer.body).toContain('"status":"invalid"');
    expect(answer.body).toContain('hiddenCharacters');

    await page.reload();
    await expect(notes).toHaveCount(before);
  });

  test('a double submission adds the note once', async ({ page }) => {
    await page.goto(`/members/${MEMBER}`);
    const key = crypto.randomUUID();
    const body = `sent twice ${Date.now()}`;
    const send = () => callFormAction(page.request, `/members/${MEMBER}`, 'addMemberNoteAction', [MEMBER, { status: 'idle' }, formData({ body, idempotencyKey: key })]);
    const [first, second] = [await send(), await send()];
    expect(first.body).toContain('"status":"ok"');
    expect(second.body).toContain('"replayed":true');
    await page.reload();
    await expect(notesOf(page).getByTestId('member-note').filter({ hasText: body })).toHaveCount(1);
  });
});

test.describe('[qa] member notes', () => {
  test.use({ storageState: storageStateOf('qa') });

  test('leaves a note and reads it on the member timeline', async ({ page }) => {
    const text = `qa check ${Date.now()}`;
    await page.goto(`/members/${MEMBER}`);
    await noteField(page).fill(text);
    await notesOf(page).getByRole('button', { name: 'Add note' }).click();
    await expect(notesOf(page).getByTestId('member-note').filter({ hasText: text })).toContainText('by qa@konaplate.test');
    await page.goto(`/members/${MEMBER}/timeline`);
    await expect(page.getByTestId('timeline-note').filter({ hasText: text })).toBeVisible();
  });
});

test.describe('[admin] member notes', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('may not read or leave notes: none on the timeline, and the action refuses', async ({ page }) => {
    await page.goto(`/members/${MEMBER}/timeline`);
    await expect(page.getByRole('heading', { name: `Timeline of member ${MEMBER}` })).toBeVisible();
    await expect(page.getByTestId('timeline-note')).toHaveCount(0);
    const answer = await callFormAction(page.request, `/members/${MEMBER}`, 'addMemberNoteAction', [
      MEMBER,
      { status: 'idle' },
      formData({ body: 'not allowed', idempotencyKey: crypto.randomUUID() }),
    ]);
    expect(answer.body).toContain('"status":"forbidden"');
  });
});
