/**
 * The QA scenario catalogue, derived from the sandbox's own scenario list (fetched from
 * its control endpoint): what to do in the console to see each documented result code.
 * Language-free: endpoints, descriptions and instructions are keys of the `qa` messages.
 */

import * as z from 'zod/mini';
import { isMemberId } from '@/lib/domain/member-id';
import type qaMessages from '@/lib/i18n/messages/en/qa.json';
import { boundMemberApplicationSchema } from '@/lib/schemas/card-requests';
import { tooLong, visibleText } from '@/lib/schemas/text';

/** The endpoints in the order the workbench lists them (their names: `qa.faults.targets`). */
export const ENDPOINTS = [
  'card-list',
  'unregistered-card',
  'prepaid-issue',
  'prepaid-reissue',
  'debit-issue',
  'card-status',
  'delivery-inquiry',
  'delivery-cancel',
  'product-list',
  'member-info',
] as const;
export type EndpointKey = (typeof ENDPOINTS)[number];
export const isEndpoint = (value: string): value is EndpointKey => (ENDPOINTS as readonly string[]).includes(value);

/**
 * The codes each endpoint documents: the API reference's (../shared/konaplate-api.md) and the
 * sandbox's own for failures the vendor names without a code (003_9xx); each needs a scenario.
 */
export const DOCUMENTED_CODES: Record<EndpointKey, readonly string[]> = {
  'card-list': ['000_000', '000_002', '000_003', '001_006'],
  'unregistered-card': ['000_000', '000_002', '000_003', '003_901', '003_902'],
  'prepaid-issue': ['000_000', '000_002', '000_003', '001_006', '003_024'],
  'prepaid-reissue': ['000_000', '000_002', '000_003', '001_006', '003_018', '003_019', '003_020', '003_044', '003_048', '003_051', '003_904', '003_905', '007_001'],
  'debit-issue': ['000_000', '000_002', '000_003', '001_006', '003_060', '003_061', '003_062', '003_063', '003_064', '003_065', '003_903'],
  'card-status': ['000_000', '000_002', '000_003', '001_006', '003_001', '003_021', '003_022', '003_906'],
  'delivery-inquiry': ['000_000', '000_002', '000_003', '001_006', '003_001'],
  'delivery-cancel': ['000_000', '000_002', '000_003', '001_006', '003_002', '003_003'],
  'product-list': ['000_000', '000_002', '000_003'],
  'member-info': ['000_000', '000_002', '000_003', '001_006'],
};

export interface SandboxScenario {
  endpoint: string;
  code: string;
  description: string;
  userId?: string;
  par?: string;
  serviceId?: string;
  cardApplyNo?: string;
  request: Record<string, unknown>;
}

/** What the operator does in the console: a `qa.instructions` message and its values. */
export interface Instruction {
  key: keyof typeof qaMessages.instructions;
  values: Record<string, string>;
  /** The sandbox's answer is an input code (000_002, 000_003): the console may refuse the input first (`qa.shared.inputNote`). */
  inputNote: boolean;
}

export interface CatalogueRow {
  /** Position in the sandbox's list: how a server action finds the scenario again. */
  index: number;
  endpoint: EndpointKey;
  code: string;
  /** As the sandbox writes it (English); shown in the reader's language through `descriptionKey`. */
  description: string;
  /** Its key among the `qa.scenarios` messages. */
  descriptionKey: string;
  userId?: string;
  par?: string;
  serviceId?: string;
  /** The application the request names (delivery status, cancellation). */
  cardApplyNo?: string;
  instruction: Instruction;
  /** Opens the console ready for the action; absent when the action runs server-side. */
  href?: string;
}

const memberId = (value: unknown) => (isMemberId(value) ? value : undefined);

/** A sandbox description as a message key: "Not a member: 2^53, …" → "not-a-member-2-53-…". */
export const scenarioDescriptionKey = (description: string): string =>
  description
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The console's own requests say SUSPEND or RESUME, with the card's PAR or 16-digit number. */
const CONSOLE_STATUSES = ['SUSPEND', 'RESUME'];

function rowFor(scenario: SandboxScenario, endpoint: EndpointKey, pickerMember: string | undefined): Pick<CatalogueRow, 'instruction' | 'href'> {
  const request = scenario.request as {
    userInfo?: { userId?: unknown };
    userId?: unknown;
    isDeliveryRequired?: boolean;
    nextServiceId?: string;
    status?: unknown;
    cardNo?: unknown;
  };
  const userId = memberId(scenario.userId) ?? memberId(request.userInfo?.userId) ?? memberId(request.userId);
  const inputNote = scenario.code === '000_002' || scenario.code === '000_003';
  const instruction = (key: Instruction['key'], values: Record<string, string> = {}): Instruction => ({ key, values, inputNote });
  // Requests the console never sends, even posted to its server by hand (refused there, or not sayable): no note either.
  const notFromConsole = { instruction: { key: 'notFromConsole', values: {}, inputNote: false } } as const;
  // Requests no page offers (a member, card or application the pages do not show) that the server sends when posted by hand.
  const handMade = { instruction: { key: 'handMadeRequest', values: {}, inputNote: false } } as const;
  const cardPage = userId && scenario.par ? `/members/${userId}/cards/${scenario.par}` : undefined;
  const yes = (on: unknown) => (on ? 'yes' : 'no');
  switch (endpoint) {
    case 'card-list':
      return userId
        ? { instruction: instruction('cardList', { narrowed: yes(scenario.par) }), href: `/members/${userId}${scenario.par ? `?par=${scenario.par}` : ''}` }
        : // The instruction itself says the console refuses the input: no note.
          { instruction: { key: 'memberIdRefused', values: {}, inputNote: false }, href: '/' };
    case 'unregistered-card':
      return { instruction: instruction('unregisteredLookup') };
    case 'prepaid-issue': {
      const delivery = request.isDeliveryRequired === false ? 'mobile-only' : 'delivery';
      return {
        instruction: instruction('prepaidIssue', { delivery }),
        href: userId ? `/members/${userId}/issue?tab=prepaid&serviceId=${scenario.serviceId ?? ''}&delivery=${delivery}` : undefined,
      };
    }
    case 'debit-issue':
      return {
        instruction: instruction('debitIssue'),
        href: userId ? `/members/${userId}/issue?tab=debit&serviceId=${scenario.serviceId ?? ''}` : undefined,
      };
    case 'prepaid-reissue':
      return {
        instruction: instruction('prepaidReissue', { newProduct: yes(request.nextServiceId) }),
        href:
          userId && scenario.par
            ? `/members/${userId}/cards/${scenario.par}/reissue${request.nextServiceId ? `?nextServiceId=${request.nextServiceId}` : ''}`
            : undefined,
      };
    case 'card-status': {
      // The console sends a status change by PAR only: 003_001 (a card number that is not the member's) never.
      if (!userId || !CONSOLE_STATUSES.includes(String(request.status)) || scenario.code === '003_001') return notFromConsole;
      // No such member (001_006), or a PAR that is not the member's (003_021): the card page finds no card to act on.
      if (scenario.code === '001_006' || scenario.code === '003_021') return handMade;
      const action = request.status === 'RESUME' ? 'resume' : 'suspend';
      // A terminated card (003_022) or one replaced by its reissue (3A, 003_906): the page offers neither action (cardStateActions).
      if (scenario.code === '003_022' || (scenario.code === '003_906' && action === 'suspend')) return handMade;
      // Resuming a working card: the page offers Resume only while the card is suspended, so a page opened then, after the card was resumed elsewhere.
      if (scenario.code === '003_906' && scenarioDescriptionKey(scenario.description) === 'resume-a-card-that-is-not-suspended') {
        return { instruction: instruction('staleResume'), href: cardPage };
      }
      if (cardPage) return { instruction: instruction('cardStatus', { action }), href: cardPage };
      // Named by card number: the member search finds the card by it (a POST: the number stays out of the link).
      return typeof request.cardNo === 'string' ? { instruction: instruction('cardStatusByNumber', { action }), href: `/members/${userId}` } : notFromConsole;
    }
    case 'delivery-inquiry':
    case 'delivery-cancel': {
      // The server's own check of the member id and application number: what fails it is never sent.
      if (!boundMemberApplicationSchema.safeParse({ userId, cardApplyNo: scenario.cardApplyNo }).success) return notFromConsole;
      // Pages name only the applications of the member's own cards; an inquiry, only where a physical
      // card is delivered, so never one that answers 003_001 (another member's, or mobile only).
      if (!cardPage || (endpoint === 'delivery-inquiry' && scenario.code === '003_001')) return handMade;
      return endpoint === 'delivery-inquiry'
        ? { instruction: instruction('deliveryStatus'), href: cardPage }
        : { instruction: instruction('cancelApplication'), href: cardPage };
    }
    case 'product-list':
      return scenario.code === '000_000' && pickerMember
        ? { instruction: instruction('productPicker', { userId: pickerMember }), href: `/members/${pickerMember}/issue?tab=prepaid` }
        : notFromConsole;
    case 'member-info':
      return userId
        ? { instruction: instruction('memberProfile'), href: `/members/${userId}` }
        : { instruction: { key: 'memberIdRefused', values: {}, inputNote: false }, href: '/' };
  }
}

/** The rows in the workbench's order: by endpoint (ENDPOINTS), then by code, then as the sandbox lists them. */
export function buildCatalogue(scenarios: SandboxScenario[]): CatalogueRow[] {
  // Products are listed in the issuance form: the member of the first successful issuance opens it.
  const pickerMember = memberId(scenarios.find((s) => s.endpoint === 'prepaid-issue' && s.code === '000_000')?.userId);
  const rows = scenarios.flatMap((scenario, index): CatalogueRow[] => {
    if (!isEndpoint(scenario.endpoint)) return [];
    const endpoint = scenario.endpoint;
    return [
      {
        index,
        endpoint,
        code: scenario.code,
        description: scenario.description,
        descriptionKey: scenarioDescriptionKey(scenario.description),
        userId: scenario.userId,
        par: scenario.par,
        serviceId: scenario.serviceId,
        cardApplyNo: scenario.cardApplyNo,
        ...rowFor(scenario, endpoint, pickerMember),
      },
    ];
  });
  const order = (row: CatalogueRow) => ENDPOINTS.indexOf(row.endpoint);
  return rows.sort((a, b) => order(a) - order(b) || a.code.localeCompare(b.code) || a.index - b.index);
}

/** The workbench's filter, as it travels in the URL (`?endpoint=…&code=…&q=…`) so that a link shares it. */
export interface CatalogueFilter {
  endpoint?: EndpointKey;
  code?: string;
  text: string;
}

/** The free-text filter: any visible characters, at most 100. */
export const catalogueTextSchema = visibleText().check(z.maxLength(100, tooLong(100)));

const RESULT_CODE = /^\d{3}_\d{3}$/;

/** The filter a link carries. An endpoint or code that is not one of the choices is not a choice: it is left unselected. */
export function readCatalogueFilter(params: { get(name: string): string | null }): CatalogueFilter {
  const endpoint = params.get('endpoint') ?? '';
  const code = params.get('code') ?? '';
  return {
    ...(isEndpoint(endpoint) ? { endpoint } : {}),
    ...(RESULT_CODE.test(code) ? { code } : {}),
    text: params.get('q') ?? '',
  };
}

/** The query string of a filter ('' for none). */
export function catalogueFilterQuery(filter: CatalogueFilter): string {
  const params = new URLSearchParams();
  if (filter.endpoint) params.set('endpoint', filter.endpoint);
  if (filter.code) params.set('code', filter.code);
  if (filter.text) params.set('q', filter.text);
  return params.toString();
}

/**
 * The rows the filter keeps. Text matches, case-insensitively, every word typed against a
 * row's code, data and `wordsOf(row)` (its description and instruction in the reader's language).
 */
export function filterCatalogue(rows: CatalogueRow[], filter: CatalogueFilter, wordsOf: (row: CatalogueRow) => string[]): CatalogueRow[] {
  const terms = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (filter.endpoint && row.endpoint !== filter.endpoint) return false;
    if (filter.code && row.code !== filter.code) return false;
    if (terms.length === 0) return true;
    const haystack = [row.code, row.description, row.userId, row.par, row.serviceId, row.cardApplyNo, ...wordsOf(row)]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    return terms.every((term) => haystack.includes(term));
  });
}

/** Documented codes no scenario produces: the catalogue would have a hole. */
export function uncoveredCodes(rows: CatalogueRow[]): { endpoint: EndpointKey; code: string }[] {
  return (Object.keys(DOCUMENTED_CODES) as EndpointKey[]).flatMap((endpoint) =>
    DOCUMENTED_CODES[endpoint]
      .filter((code) => !rows.some((row) => row.endpoint === endpoint && row.code === code))
      .map((code) => ({ endpoint, code })),
  );
}
