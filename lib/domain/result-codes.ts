
/**
 * What each Konaplate result code means to an operator, and what to tell the member.
 * Codes 003_9xx and 900_xxx are this project's conventions for failures the vendor
 * documents without a code (see sandbox/README.md); keep them here, in one place.
 */
export interface CodeExplanation {
  /** One sentence an operator reads. */
  meaning: string;
  /** What to say to the member, when there is something to say. */
  tellMember?: string;
  /** An answer about the card or member, not a failure (shown as information). */
  answer?: true;
}

export const SUCCESS_CODE = '000_000';

export const RESULT_CODES: Record<string, CodeExplanation> = {
  '000_000': { meaning: 'Done.' },
  '000_002': {
    meaning: 'Konaplate refused a value in the request as malformed.',
    tellMember: 'Check the details with the member and try again.',
  },
  '000_003': {
    meaning: 'Konaplate says a required value was missing from the request.',
    tellMember: 'Check the details with the member and try again.',
  },
  '001_006': {
    meaning: 'No wallet member has this id, or the membership was cancelled.',
    tellMember: 'Confirm the member id with the member; a cancelled membership cannot be served here.',
  },
  '003_018': {
    meaning: 'This card has already been reissued; it cannot be replaced twice.',
    tellMember: 'Their replacement card is already on its way or issued: check the card list for it.',
  },
  '003_019': {
    meaning: "The member's bank account is invalid, so the reissuance fee cannot be charged.",
    tellMember: 'Ask the member to update their bank account in the app, then call back.',
  },
  '003_020': {
    meaning: 'A reissuance of this card is already in progress.',
    tellMember: 'Their replacement is already being processed; no new request is needed.',
  },
  '003_024': {
    meaning: 'This is a normal-type product: it cannot be issued as a mobile card only.',
    tellMember: 'This card must be delivered: take a delivery address.',
  },
  '003_044': {
    meaning: 'The member has not completed identity verification, which this product requires.',
    tellMember: 'Ask the member to complete identity verification in the app first.',
  },
  '003_048': {
    meaning: 'The chosen product cannot be used for a reissuance.',
    tellMember: 'Offer the member another product (or the same one as the old card).',
  },
  '003_051': {
    meaning: "The reissuance fee could not be charged: the payment gateway had a network fault. Nothing was issued.",
    tellMember: 'Apologise and try again in a few minutes.',
  },
  '003_060': {
    meaning: 'This debit product does not belong to the requested bank.',
    tellMember: "Choose a product of the member's bank.",
  },
  '003_061': {
    meaning: 'This product cannot be issued with the requested issue type.',
    tellMember: 'Choose another product.',
  },
  '003_062': { meaning: 'This product does not support the mobile card applet.', tellMember: 'Choose another product.' },
  '003_063': {
    meaning: 'Identity verification with the resident registration number failed.',
    tellMember: 'Ask the member to check the number; nothing was issued.',
  },
  '003_064': {
    meaning: 'The mobile (digital) card could not be downloaded to the wallet.',
    tellMember: 'Check the card list before trying again: the card may have been issued without its mobile card.',
  },
  '003_065': { meaning: 'This product is not a digital pre-issue type.', tellMember: 'Choose another product.' },
  '007_001': {
    meaning: 'The member has no registered bank account to charge the reissuance fee to.',
    tellMember: 'Ask the member to register a bank account in the app, then call back.',
  },
  '003_901': {
    meaning: 'No card matches this number, expiry and CVC.',
    tellMember: 'Ask the member to read the card number, expiry and CVC again.',
    answer: true,
  },
  '003_902': {
    meaning: 'This card is already registered to a member.',
    tellMember: "Search by the member's id instead.",
    answer: true,
  },
  '003_903': { meaning: 'This debit product has no sibling product to issue.', tellMember: 'Choose another product.' },
  '003_904': {
    meaning: 'Only a card suspended as lost can be reissued.',
    tellMember: 'Report the card lost first, then request the replacement.',
  },
  '003_905': { meaning: 'This card does not belong to this member.' },
  '900_001': { meaning: 'Konaplate refused the request headers. This is a console fault: report it.' },
  '900_002': { meaning: 'Konaplate does not recognise the console credentials. This is a configuration fault: report it.' },
  '900_003': {
    meaning: 'Konaplate refused the request signature or its time. This is a configuration fault (keys, or the server clock): report it.',
  },
  '900_004': { meaning: 'Konaplate could not decrypt the request. This is a configuration fault: report it.' },
  '900_404': { meaning: 'Konaplate does not know this operation. This is a console fault: report it.' },
  '900_405': { meaning: 'Konaplate does not accept this operation. This is a console fault: report it.' },
  '900_500': { meaning: 'Konaplate had an internal error.' },
};

export function explainCode(code: string | undefined): CodeExplanation | undefined {
  return code === undefined ? undefined : RESULT_CODES[code];
}
