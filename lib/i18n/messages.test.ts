import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from './messages';

/**
 * The two languages say the same things: the same keys, each message valid ICU with the same
 * arguments (a value the code passes must be used in both), and no message left empty. Korean
 * messages are written in Hangul, not copied English.
 */
type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [p, v] of leaves(value, path)) found.set(p, v);
  }
  return found;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) {
      into.add(element.value);
    } else if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(element.value);
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    } else if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      argumentsOf(element.children, into);
    }
  }
  return into;
}

const en = leaves(MESSAGES.en as unknown as Tree);
const ko = leaves(MESSAGES.ko as unknown as Tree);
/** Messages that are the same in both languages by nature (product and language names, codes). */
const SAME_IN_BOTH = /^(shell\.language\.|shell\.roles\.qa$|resultCodes\.[^.]+\.code$)/;

describe('messages', () => {
  it('have the same keys in Korean and English', () => {
    expect([...ko.keys()].filter((key) => !en.has(key)), 'only in Korean').toEqual([]);
    expect([...en.keys()].filter((key) => !ko.has(key)), 'only in English').toEqual([]);
  });

  it('are valid ICU with the same arguments in both languages', () => {
    const mismatched: string[] = [];
    for (const [key, english] of en) {
      const korean = ko.get(key);
      if (korean === undefined) continue;
      const a = [...argumentsOf(parse(english, { ignoreTag: false }))].sort();
      const b = [...argumentsOf(parse(korean, { ignoreTag: false }))].sort();
      if (a.join() !== b.join()) mismatched.push(`${key}: ${a.join()} ≠ ${b.join()}`);
    }
    expect(mismatched).toEqual([]);
  });

  it('are never empty, and Korean ones are written in Hangul', () => {
    expect([...en, ...ko].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
    const untranslated = [...ko].filter(([key, text]) => !SAME_IN_BOTH.test(key) && !/\p{Script=Hangul}/u.test(text) && text === en.get(key));
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});
