import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en/qa.json';
import { loadFixture } from '@/sandbox/fixture';
import { DOCUMENTED_CODES as SANDBOX_CODES, ENDPOINT_KEYS } from '@/sandbox/result-codes';
import { listScenarios } from '@/sandbox/scenarios';
import { buildCatalogue, catalogueFilterQuery, DOCUMENTED_CODES, ENDPOINTS, filterCatalogue, readCatalogueFilter, uncoveredCodes, type CatalogueRow } from './catalogue';

const rows = buildCatalogue(listScenarios(loadFixture()));
const row = (endpoint: CatalogueRow['endpoint'], code: string, description?: string) =>
  rows.find((r) => r.endpoint === endpoint && r.code === code && (description === undefined || r.description === description))!;

describe('QA scenario catalogue', () => {
  it('lists every endpoint the sandbox serves, with the codes it documents', () => {
    expect([...ENDPOINTS].sort()).toEqual([...ENDPOINT_KEYS].sort());
    for (const endpoint of ENDPOINTS) expect([...DOCUMENTED_CODES[endpoint]].sort()).toEqual([...SANDBOX_CODES[endpoint]].sort());
  });

  it('has a scenario for every documented code of every endpoint', () => {
    expect(uncoveredCodes(rows)).toEqual([]);
  });

  it('fails when a documented code loses its scenario', () => {
    expect(uncoveredCodes(rows.filter((r) => r.code !== '003_024'))).toEqual([{ endpoint: 'prepaid-issue', code: '003_024' }]);
    expect(uncoveredCodes(rows.filter((r) => !(r.endpoint === 'card-status' && r.code === '003_022')))).toEqual([{ endpoint: 'card-status', code: '003_022' }]);
  });

  it('lists the rows by endpoint, then by code', () => {
    const keys = rows.map((r) => `${ENDPOINTS.indexOf(r.endpoint).toString().padStart(2, '0')} ${r.code}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('links each member-bound scenario to the console page ready for the action', () => {
    expect(row('prepaid-issue', '003_024').href).toBe('/members/9999999999999999999/issue?tab=prepaid&serviceId=SVCPP0000000101&delivery=mobile-only');
    expect(row('prepaid-reissue', '000_000').href).toMatch(/^\/members\/9999999999999999999\/cards\/[A-Z0-9]{27}\/reissue/);
  });

  it('sends suspension, delivery status and cancellation to the card’s page, products to the issuance form, the profile to the member', () => {
    const suspend = row('card-status', '000_000', 'Suspend an active card: a lost report (31)');
    expect(suspend).toMatchObject({ href: '/members/9999999999999999999/cards/Q1J4D526JR3WG30EM2U8LDJSE8V', instruction: { key: 'cardStatus', values: { action: 'suspend' } } });
    expect(row('card-status', '000_000', 'Resume a card suspended as lost: 61').instruction.values).toEqual({ action: 'resume' });
    expect(row('card-status', '003_906', 'Resume a lost card whose reissuance is in progress').instruction).toEqual({ key: 'cardStatus', values: { action: 'resume' }, inputNote: false });
    // The page offers Resume only for a suspended card: a page opened while it was, after another tab resumed it.
    expect(row('card-status', '003_906', 'Resume a card that is not suspended')).toMatchObject({
      href: '/members/9999999999999999999/cards/Q1J4D526JR3WG30EM2U8LDJSE8V',
      instruction: { key: 'staleResume', values: {}, inputNote: false },
    });
    // By card number: the member's search finds the card; the number itself never goes in a link.
    const byNumber = row('card-status', '000_002', 'Card number of 15 digits');
    expect(byNumber).toMatchObject({ href: '/members/9999999999999999999', instruction: { key: 'cardStatusByNumber' } });
    expect(row('delivery-inquiry', '000_000', 'Delivered card: ARRIVAL')).toMatchObject({
      href: '/members/9999999999999999999/cards/Q1J4D526JR3WG30EM2U8LDJSE8V',
      cardApplyNo: 'AP240315UEZSB2P5B6SVGF',
      instruction: { key: 'deliveryStatus' },
    });
    expect(row('delivery-cancel', '003_003')).toMatchObject({ href: '/members/1000000008/cards/Q1J4VGQGRK76KDRJBAN0LJ9QWXP', instruction: { key: 'cancelApplication' } });
    expect(row('product-list', '000_000')).toMatchObject({ href: '/members/9999999999999999999/issue?tab=prepaid', instruction: { key: 'productPicker', values: { userId: '9999999999999999999' } } });
    expect(row('member-info', '001_006')).toMatchObject({ href: '/members/9007199254740992', instruction: { key: 'memberProfile' } });
    expect(row('member-info', '000_002')).toMatchObject({ href: '/', instruction: { key: 'memberIdRefused' } });
  });

  it('says so where the console never sends the request, even posted to its server by hand', () => {
    for (const [endpoint, code, description] of [
      ['card-status', '000_002', 'Unknown status value'],
      ['card-status', '000_003', 'status missing'],
      // The console sends a status change by PAR, never by card number.
      ['card-status', '003_001', undefined],
      ['delivery-inquiry', '000_002', undefined],
      ['delivery-cancel', '000_003', undefined],
      ['product-list', '000_002', 'Empty list'],
    ] as const) {
      const found = row(endpoint, code, description);
      expect(found.instruction, `${endpoint} ${code}`).toEqual({ key: 'notFromConsole', values: {}, inputNote: false });
      expect(found.href).toBeUndefined();
    }
  });

  it('says where only a hand-made request gets the code: no page offers it, the server sends it', () => {
    for (const [endpoint, code, description] of [
      ['card-status', '001_006', undefined],
      ['card-status', '003_021', undefined],
      // Neither action is offered for a terminated card, nor for one replaced by its reissue.
      ['card-status', '003_022', undefined],
      ['card-status', '003_906', 'Suspend a card suspended by its reissuance (3A)'],
      ['delivery-inquiry', '001_006', undefined],
      ['delivery-inquiry', '003_001', 'Application of another member'],
      ['delivery-inquiry', '003_001', 'Mobile-only application: nothing is delivered'],
      ['delivery-cancel', '000_002', undefined],
      ['delivery-cancel', '001_006', undefined],
    ] as const) {
      const found = row(endpoint, code, description);
      expect(found.instruction, `${endpoint} ${code}`).toEqual({ key: 'handMadeRequest', values: {}, inputNote: false });
      expect(found.href).toBeUndefined();
    }
  });

  it('never puts an unregistered card’s details in a link', () => {
    for (const r of rows.filter((r) => r.endpoint === 'unregistered-card')) expect(r.href).toBeUndefined();
  });

  it('says what to do with a message and its values, and notes when the console may refuse the input itself', () => {
    expect(row('prepaid-issue', '003_024').instruction).toEqual({ key: 'prepaidIssue', values: { delivery: 'mobile-only' }, inputNote: false });
    expect(row('prepaid-issue', '000_002').instruction.inputNote).toBe(true);
    expect(row('card-status', '000_002', 'Card number of 15 digits').instruction).toMatchObject({ key: 'cardStatusByNumber', inputNote: true });
  });

  it('has every sandbox scenario’s description in the messages, as the sandbox writes it in English', () => {
    const scenarios: Record<string, string> = en.scenarios;
    expect(rows.filter((r) => scenarios[r.descriptionKey] !== r.description).map((r) => r.description)).toEqual([]);
  });
});

describe('the workbench filter', () => {
  const words = (r: CatalogueRow) => [`words of ${r.endpoint}`];

  it('filters by endpoint, by code and by every word of the text, in any case', () => {
    const status = filterCatalogue(rows, { endpoint: 'card-status', text: '' }, words);
    expect(status.length).toBe(rows.filter((r) => r.endpoint === 'card-status').length);
    expect(filterCatalogue(rows, { endpoint: 'card-status', code: '003_906', text: '' }, words).map((r) => r.description)).toEqual([
      'Resume a card that is not suspended',
      'Suspend a card suspended by its reissuance (3A)',
      'Resume a lost card whose reissuance is in progress',
    ]);
    expect(filterCatalogue(rows, { text: 'q1j4d526jr3wg30em2u8ldjse8v  RESUME' }, words).map((r) => `${r.endpoint} ${r.code}`)).toEqual(['card-status 003_906']);
    expect(filterCatalogue(rows, { text: 'AP250601MJ7KQ2TODAY0B2' }, words).map((r) => r.endpoint)).toEqual(['delivery-cancel']);
    // The words the reader sees (here the endpoint's name) count too.
    expect(filterCatalogue(rows, { text: 'words of member-info' }, words).length).toBe(rows.filter((r) => r.endpoint === 'member-info').length);
    expect(filterCatalogue(rows, { text: 'nothing like this' }, words)).toEqual([]);
  });

  it('travels in the URL: what a link carries is what the page filters', () => {
    const filter = { endpoint: 'delivery-cancel', code: '003_002', text: 'made yesterday' } as const;
    const query = catalogueFilterQuery(filter);
    expect(query).toBe('endpoint=delivery-cancel&code=003_002&q=made+yesterday');
    expect(readCatalogueFilter(new URLSearchParams(query))).toEqual(filter);
    expect(catalogueFilterQuery({ text: '' })).toBe('');
  });

  it('leaves unselected an endpoint or code that is not one of the choices', () => {
    expect(readCatalogueFilter(new URLSearchParams('endpoint=../reset&code=DROP TABLE&q=x'))).toEqual({ text: 'x' });
  });
});
