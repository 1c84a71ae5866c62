import { randomUUID } from 'node:crypto';

/**
 * A strict JSON parser that keeps every number as its literal text. Konaplate's
 * userId has up to 19 digits, beyond Number.MAX_SAFE_INTEGER, so JSON.parse would
 * round it; here the validators see the digits exactly as they were sent.
 */

export class JsonNumber {
  constructor(readonly literal: string) {}
}

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | { [key: string]: JsonValue };

export class JsonSyntaxError extends Error {}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const WHITESPACE = /[ \t\n\r]*/y;

export function parseJson(text: string): JsonValue {
  let pos = 0;

  const fail = (what: string): never => {
    throw new JsonSyntaxError(`${what} at offset ${pos}`);
  };
  const match = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = pos;
    const found = pattern.exec(text);
    if (!found) return undefined;
    pos = pattern.lastIndex;
    return found[0];
  };
  const skipWhitespace = () => void match(WHITESPACE);
  const expect = (char: string) => {
    skipWhitespace();
    if (text[pos] !== char) fail(`expected '${char}'`);
    pos += 1;
  };
  const readString = (): string => {
    const literal = match(STRING) ?? fail('invalid string');
    return JSON.parse(literal) as string;
  };

  const readValue = (): JsonValue => {
    skipWhitespace();
    const char = text[pos];
    if (char === '{') return readObject();
    if (char === '[') return readArray();
    if (char === '"') return readString();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    const number = match(NUMBER);
    if (number !== undefined) return new JsonNumber(number);
    return fail('unexpected token');
  };

  /** Comma-separated items up to `close`; `pos` is at the opening bracket. */
  const readSequence = (close: '}' | ']', readItem: () => void): void => {
    pos += 1;
    skipWhitespace();
    if (text[pos] === close) {
      pos += 1;
      return;
    }
    for (;;) {
      readItem();
      skipWhitespace();
      if (text[pos] === close) {
        pos += 1;
        return;
      }
      expect(',');
    }
  };

  const readObject = (): { [key: string]: JsonValue } => {
    const object: { [key: string]: JsonValue } = {};
    readSequence('}', () => {
      skipWhitespace();
      const key = readString();
      expect(':');
      // defineProperty: a "__proto__" key must stay a plain key, never a prototype.
      Object.defineProperty(object, key, { value: readValue(), enumerable: true, writable: true, configurable: true });
    });
    return object;
  };

  const readArray = (): JsonValue[] => {
    const array: JsonValue[] = [];
    readSequence(']', () => array.push(readValue()));
    return array;
  };

  const value = readValue();
  skipWhitespace();
  if (pos !== text.length) fail('trailing characters');
  return value;
}

/** JSON.stringify that writes JsonNumber values as bare number literals (a 19-digit userId in an answer). */
export function stringifyJson(value: unknown): string {
  // A per-call nonce: no string in the value can forge the placeholder.
  const marker = `@@num-${randomUUID()}@@`;
  const json = JSON.stringify(value, (_key, v: unknown) => (v instanceof JsonNumber ? `${marker}${v.literal}${marker}` : v));
  return json.replace(new RegExp(`"${marker}(-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)${marker}"`, 'g'), '$1');
}
