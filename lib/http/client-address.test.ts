import { BlockList } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from './client-address';

const proxies = parseTrustedProxies('127.0.0.1, 10.0.0.0/8, ::1') as BlockList;

describe('the client address', () => {
  it('is unknown without configured proxies, whatever the header says', () => {
    expect(clientAddress('6.6.6.6', null)).toBeNull();
  });

  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['203.0.113.7, 10.1.2.3', '203.0.113.7'],
    ['6.6.6.6, 203.0.113.7, 10.1.2.3, 127.0.0.1', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8::1, ::1', '2001:db8::1'],
  ])('is the first untrusted hop from the right of %j', (header, expected) => {
    expect(clientAddress(header, proxies)).toBe(expected);
  });

  it.each(['<script>alert(1)</script>', '203.0.113.7, not-an-ip', '', '10.0.0.1, 127.0.0.1', '999.1.1.1'])(
    'is unknown for %j (never stored as sent)',
    (header) => {
      expect(clientAddress(header, proxies)).toBeNull();
    },
  );

  it('refuses a malformed proxy list', () => {
    expect(parseTrustedProxies('10.0.0.0/33')).toEqual({ error: '"10.0.0.0/33" is not an IP address or CIDR range' });
    expect(parseTrustedProxies('proxy.internal')).toHaveProperty('error');
    expect(parseTrustedProxies('')).toBeInstanceOf(BlockList);
  });
});
