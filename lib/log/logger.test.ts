import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { errorFields, REDACTED_PATHS } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, log: pino({ redact: { paths: REDACTED_PATHS, remove: true } }, stream) };
}

describe('the log', () => {
  it('drops card data and secrets wherever a caller put them', () => {
    const { lines, log } = capture();
    log.info(
      {
        correlationId: 'c1',
        cardNo: '5412750000001234',
        request: { cardCVC: '123', residentRegistrationNo: '9001011234567', nested: { accountNo: '110123456789' } },
        password: 'hunter2',
      },
      'call',
    );
    const text = JSON.stringify(lines);
    for (const secret of ['5412750000001234', '123"', '9001011234567', '110123456789', 'hunter2']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ correlationId: 'c1', msg: 'call' });
  });

  it('logs an error by name, message and cause only', () => {
    const error = new Error('insert failed', { cause: new Error('22P05') });
    expect(errorFields(error)).toEqual({ name: 'Error', message: 'insert failed', cause: '22P05' });
    expect(errorFields('text')).toEqual({ name: 'NonError', message: 'text' });
  });
});
