import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import * as cardRequests from './card-requests';
import * as fields from './fields';
import * as memberSearch from './member-search';
import * as mfa from './mfa';
import * as operator from './operator';
import { en } from '@/lib/i18n/messages/en';
import { parseProblem, problem } from './problem';
import { english, korean } from './testing';
import * as unregisteredCard from './unregistered-card';

const CATALOGUE = en.validation;

describe('problems', () => {
  it('carry their key and values, free of any language', () => {
    expect(problem('memberId.required')).toBe('memberId.required');
    expect(problem('tooLong', { max: 255 })).toBe('tooLong?max=255');
    expect(parseProblem('tooLong?max=255', CATALOGUE)).toEqual({ key: 'tooLong', values: { max: '255' } });
    expect(parseProblem('memberId.digitsOnly', CATALOGUE)).toEqual({ key: 'memberId.digitsOnly', values: {} });
  });

  it('read in either language, values in place', () => {
    expect(english(problem('tooLong', { max: 255 }))).toBe('At most 255 characters.');
    expect(korean(problem('tooLong', { max: 255 }))).toBe('255자 이하로 입력하세요.');
    expect(korean(problem('memberId.required'))).toBe('회원 ID를 입력하세요.');
    expect(korean(problem('delivery.zipCode'))).toBe('우편번호는 5자리 숫자입니다.');
  });

  it('of no known key read as the generic one', () => {
    expect(english('noSuchProblem')).toBe('This value is not valid.');
    // A group of the messages is not a message.
    expect(english('memberId')).toBe('This value is not valid.');
  });

  it('leave other text as it is: a server action’s words are never translated twice', () => {
    expect(parseProblem('No card of this member has that number.', CATALOGUE)).toBeUndefined();
    expect(english('이 회원의 카드 중 그 번호의 카드가 없습니다.')).toBe('이 회원의 카드 중 그 번호의 카드가 없습니다.');
    expect(english(english(problem('tooLong', { max: 3 })))).toBe('At most 3 characters.');
  });
});

/**
 * What a hand-made request may send instead of a form's text: nothing, another type. zod's
 * own English must never reach a reader: every schema states a problem for these too.
 */
const ODD_VALUES: unknown[] = [undefined, null, 42, true, [], {}, ['x']];
const schemas = Object.entries({ ...cardRequests, ...fields, ...memberSearch, ...mfa, ...operator, ...unregisteredCard }).flatMap(
  ([name, value]): [string, z.ZodMiniType][] => (value instanceof z.ZodMiniType ? [[name, value]] : []),
);

describe.each(schemas)('%s', (_name, schema) => {
  const inputs = schema instanceof z.ZodMiniObject ? ODD_VALUES.map((odd) => Object.fromEntries(Object.keys(schema.shape).map((field) => [field, odd]))) : ODD_VALUES;

  it('states a problem for anything that is not text of the form', () => {
    for (const input of inputs) {
      for (const issue of schema.safeParse(input).error?.issues ?? []) {
        expect(parseProblem(issue.message, CATALOGUE), `${JSON.stringify(input)} → ${issue.message}`).toBeDefined();
      }
    }
  });
});

it('covers every form schema', () => {
  expect(schemas.length).toBeGreaterThanOrEqual(20);
});
