/**
 * The QA scenario catalogue, derived from the sandbox's own scenario list (fetched from
 * its control endpoint): what to do in the console to see each documented result code.
 */

import { isMemberId } from '@/lib/domain/member-id';

export const ENDPOINT_LABELS = {
  'card-list': 'Search for card',
  'unregistered-card': 'Unregistered card inquiry',
  'prepaid-issue': 'Prepaid card issuance',
  'prepaid-reissue': 'Prepaid card reissuance',
  'debit-issue': 'Debit card issuance',
} as const;
export type EndpointKey = keyof typeof ENDPOINT_LABELS;

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

export interface CatalogueRow {
  /** Position in the sandbox's list: how a server action finds the scenario again. */
  index: number;
  endpoint: EndpointKey;
  code: string;
  description: string;
  userId?: string;
  par?: string;
  serviceId?: string;
  /** What the operator does in the console. */
  instruction: string;
  /** Opens the console ready for the action; absent when the action runs server-side. */
  href?: string;
}

const isEndpoint = (value: string): value is EndpointKey => value in ENDPOINT_LABELS;
const memberId = (value: unknown) => (isMemberId(value) ? value : undefined);

function rowFor(scenario: SandboxScenario, endpoint: EndpointKey): Pick<CatalogueRow, 'instruction' | 'href'> {
  const request = scenario.request as {
    userInfo?: { userId?: unknown };
    userId?: unknown;
    isDeliveryRequired?: boolean;
    nextServiceId?: string;
  };
  const userId = memberId(scenario.userId) ?? memberId(request.userInfo?.userId) ?? memberId(request.userId);
  const inputCode = scenario.code === '000_002' || scenario.code === '000_003';
  const note = inputCode ? ' If the console refuses this input itself, expect the error next to the field and no call to Konaplate.' : '';
  switch (endpoint) {
    case 'card-list':
      return userId
        ? { instruction: `Open the member's cards${scenario.par ? ' narrowed to the card' : ''}.${note}`, href: `/members/${userId}${scenario.par ? `?par=${scenario.par}` : ''}` }
        : { instruction: 'Type this member id in the search: the console refuses it before searching.', href: '/' };
    case 'unregistered-card':
      return { instruction: `Run the lookup here: the card number, expiry and CVC stay on the server.${note}` };
    case 'prepaid-issue': {
      const delivery = request.isDeliveryRequired === false ? 'mobile-only' : 'delivery';
      return {
        instruction: `Open the prepaid issuance form (product prefilled, ${delivery === 'delivery' ? 'with delivery' : 'mobile only'}), complete it and confirm.${note}`,
        href: userId ? `/members/${userId}/issue?tab=prepaid&serviceId=${scenario.serviceId ?? ''}&delivery=${delivery}` : undefined,
      };
    }
    case 'debit-issue':
      return {
        instruction: `Open the debit issuance form (product prefilled), enter the bank, account and identity number of the scenario, and confirm.${note}`,
        href: userId ? `/members/${userId}/issue?tab=debit&serviceId=${scenario.serviceId ?? ''}` : undefined,
      };
    case 'prepaid-reissue':
      return {
        instruction: `Open the card's reissue form${request.nextServiceId ? ' (new product prefilled)' : ''} and confirm. Where the console does not offer reissue, it says why.${note}`,
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
    return [{ index, endpoint, code: scenario.code, description: scenario.description, userId: scenario.userId, par: scenario.par, serviceId: scenario.serviceId, ...rowFor(scenario, endpoint) }];
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
