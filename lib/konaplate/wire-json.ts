import 'server-only';
import { randomUUID } from 'node:crypto';

/**
 * A JSON number written from its decimal digits, so that ids above
 * Number.MAX_SAFE_INTEGER (Konaplate's 19-digit userId) reach the wire unrounded.
 */
export class NumberLiteral {
  constructor(readonly digits: string) {
    if (!/^-?(0|[1-9]\d*)$/.test(digits)) throw new TypeError('NumberLiteral takes an integer digit string');
  }
}

/** JSON.stringify that writes NumberLiteral values as bare number literals. */
export function toWireJson(value: unknown): string {
  // A per-call nonce makes the placeholder impossible to forge from user text (addresses etc.).
  const marker = `@@${randomUUID()}@@`;
  const json = JSON.stringify(value, (_key, v: unknown) =>
    v instanceof NumberLiteral ? `${marker}${v.digits}${marker}` : v,
  );
  return json.replace(new RegExp(`"${marker}(-?\\d+)${marker}"`, 'g'), '$1');
}

/**
 * `"userId": <integer literal>` in key position: after `{` or `,`, so never inside a string
 * (a quote there is escaped, `\"`), and the whole number token (no fraction or exponent).
 */
const USER_ID_LITERAL = /([{,]\s*)"userId"(\s*:\s*)(-?(?:0|[1-9]\d*))(?=\s*[,}\]])/g;

/**
 * JSON.parse for Konaplate's answers that keeps every `userId` number literal as its digit
 * string: JSON.parse alone would round a 19-digit id to the nearest double (Node 20 has no
 * reviver access to the source text).
 */
export function parseWireJson(text: string): unknown {
  return JSON.parse(text.replace(USER_ID_LITERAL, '$1"userId"$2"$3"'));
}
