import type codeWords from '@/lib/i18n/messages/en/resultCodes.json';

/**
 * The Konaplate result codes the console explains. The explanations, what a code means to an
 * operator and what to tell the member, are in the `resultCodes` messages
 * (`resultCodes.<code>.meaning` / `.tellMember`); this table says which codes have them and which
 * codes answer a question rather than report a failure. Codes 003_9xx and 900_xxx are this
 * project's conventions for failures the vendor documents without a code (see sandbox/README.md).
 */

type CodeWords = typeof codeWords;
/** The `resultCodes` messages that are not about one code. */
type NotACode = 'failure' | 'alert';
export type ResultCode = Exclude<keyof CodeWords, NotACode>;
/** Codes with something to tell the member. */
export type TellingCode = { [C in ResultCode]: CodeWords[C] extends { tellMember: string } ? C : never }[ResultCode];

export interface CodeFacts {
  /** There is something to tell the member (`resultCodes.<code>.tellMember`). */
  tellsMember?: true;
  /** An answer about the card or member, not a failure (shown as information). */
  answer?: true;
}

export const SUCCESS_CODE = '000_000';

/** Checked against the messages: every code with words, and `tellsMember` exactly where they say something. */
type Checked = { [C in ResultCode]: C extends TellingCode ? CodeFacts & { tellsMember: true } : CodeFacts & { tellsMember?: never } };

/** Indexed by a code as Konaplate sent it; see explainCode. */
export const RESULT_CODES: Readonly<Partial<Record<string, CodeFacts>>> = {
  '000_000': {},
  '000_002': { tellsMember: true },
  '000_003': { tellsMember: true },
  '001_006': { tellsMember: true },
  '003_001': { tellsMember: true },
  '003_002': { tellsMember: true },
  '003_003': { tellsMember: true },
  '003_018': { tellsMember: true },
  '003_019': { tellsMember: true },
  '003_020': { tellsMember: true },
  '003_021': {},
  '003_022': { tellsMember: true },
  '003_024': { tellsMember: true },
  '003_044': { tellsMember: true },
  '003_048': { tellsMember: true },
  '003_051': { tellsMember: true },
  '003_060': { tellsMember: true },
  '003_061': { tellsMember: true },
  '003_062': { tellsMember: true },
  '003_063': { tellsMember: true },
  '003_064': { tellsMember: true },
  '003_065': { tellsMember: true },
  '007_001': { tellsMember: true },
  '003_901': { tellsMember: true, answer: true },
  '003_902': { tellsMember: true, answer: true },
  '003_903': { tellsMember: true },
  '003_904': { tellsMember: true },
  '003_905': {},
  '003_906': {},
  '900_001': {},
  '900_002': {},
  '900_003': {},
  '900_004': {},
  '900_404': {},
  '900_405': {},
  '900_500': {},
} satisfies Checked;

/** A known code, typed for its messages: `resultCodes.<code>.meaning`, and `.tellMember` when it tells. */
export type CodeExplanation =
  | { code: TellingCode; tellsMember: true; answer: boolean }
  | { code: Exclude<ResultCode, TellingCode>; tellsMember: false; answer: boolean };

export function explainCode(code: string | undefined): CodeExplanation | undefined {
  if (code === undefined || !Object.hasOwn(RESULT_CODES, code)) return undefined;
  const facts = RESULT_CODES[code]!;
  const answer = facts.answer === true;
  // RESULT_CODES holds exactly the codes of the messages (Checked), with tellsMember where they tell.
  return facts.tellsMember
    ? { code: code as TellingCode, tellsMember: true, answer }
    : { code: code as Exclude<ResultCode, TellingCode>, tellsMember: false, answer };
}
