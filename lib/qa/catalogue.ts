/**
 * The QA scenario catalogue, derived from the sandbox's own scenario list (fetched from
 * its control endpoint): what to do in the console to see each documented result code.
 * Language-free: endpoints, descriptions and instructions are keys of the `qa` messages.
 */

import { isMemberId } from '@/lib/domain/member-id';
import type qaMessages from '@/lib/i18n/messages/en/qa.json';

/** The endpoints in the order the workbench lists them (their names: `qa.endpoints`). */
export const ENDPOINTS = ['card-list', 'unregistered-card', 'prepaid-issue', 'prepaid-reissue', 'debit-issue'] as const;
export type EndpointKey = (typeof ENDPOINTS)[number];

/** The codes the API reference documents per endpoint (../shared/konaplate-api.md). */
export const DOCUMENTED_CODES: Record<EndpointKey, readonly string[]> = {
  'card-list': ['000_000', '000_002', '000_003', '001_006'],
  'unregistered-card': ['000_000', '000_002', '003_901', '003_902'],
  'prepaid-issue': ['000_000', '000_002', '001_006', '003_024'],
  'prepaid-reissue': ['000_000', '000_002', '001_006', '003_018', '003_019', '003_020', '003_044', '003_048', '003_051', '007_001'],
  'debit-issue': ['000_000', '000_002', '001_006', '003_060', '003_061', '003_062', '003_063', '003_064', '003_065'],
};

export interface SandboxScenario {
  endpoint: string;
  code: string;
  description: string;
  userId?: string;
  par?: string;
  serviceId?: string;
  request: Record<string, unknown>;
}

/** What the operator does in the console: a `qa.instructions` message and its values. */
export interface Instruction {
  key: Exclude<keyof typeof qaMessages.instructions, 'inputNote'>;
  values: Record<string, string>;
  /** The sandbox's answer is an input code (000_002, 000_003): the console may refuse the input first (`qa.instructions.inputNote`). */
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
  instruction: Instruction;
  /** Opens the console ready for the action; absent when the action runs server-side. */
  href?: string;
}

const isEndpoint = (value: string): value is EndpointKey => (ENDPOINTS as readonly string[]).includes(value);
const memberId = (value: unknown) => (isMemberId(value) ? value : undefined);

/** A sandbox description as a message key: "Not a member: 2^53, …" → "not-a-member-2-53-…". */
export const scenarioDescriptionKey = (description: string): string =>
  description
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function rowFor(scenario: SandboxScenario, endpoint: EndpointKey): Pick<CatalogueRow, 'instruction' | 'href'> {
  const request = scenario.request as {
    userInfo?: { userId?: unknown };
    userId?: unknown;
    isDeliveryRequired?: boolean;
    nextServiceId?: string;
  };
  const userId = memberId(scenario.userId) ?? memberId(request.userInfo?.userId) ?? memberId(request.userId);
  const inputNote = scenario.code === '000_002' || scenario.code === '000_003';
  const instruction = (key: Instruction['key'], values: Record<string, string> = {}): Instruction => ({ key, values, inputNote });
  const yes = (on: unknown) => (on ? 'yes' : 'no');
  switch (endpoint) {
    case 'card-list':
      return userId
        ? { instruction: instruction('cardList', { narrowed: yes(scenario.par) }), href: `/members/${userId}${scenario.par ? `?par=${scenario.par}` : ''}` }
        : // The instruction itself says the console refuses the input: no note.
          { instruction: { key: 'cardListRefused', values: {}, inputNote: false }, href: '/' };
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
  }
}

export function buildCatalogue(scenarios: SandboxScenario[]): CatalogueRow[] {
  return scenarios.flatMap((scenario, index) => {
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
        ...rowFor(scenario, endpoint),
      },
    ];
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
