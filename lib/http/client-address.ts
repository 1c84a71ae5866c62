import { BlockList, isIP } from 'node:net';

/**
 * Who is on the other end of a request. Next.js gives a route no peer address, so the only
 * source is X-Forwarded-For, which anyone can write: it is read only when the console sits
 * behind proxies the operator configured (TRUSTED_PROXIES), right to left, skipping those
 * proxies; the first other hop is the client. Without configured proxies, or when a hop is
 * not a valid IP address, the address is unknown (null) rather than what the caller claims.
 */

/** TRUSTED_PROXIES: comma-separated IP addresses or CIDR ranges, e.g. `127.0.0.1,10.0.0.0/8`. */
export function parseTrustedProxies(text: string): BlockList | { error: string } {
  const list = new BlockList();
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    const prefix = bits === undefined ? undefined : Number(bits);
    if (!family || rest.length > 0 || (bits !== undefined && !(/^\d{1,3}$/.test(bits) && prefix! <= (family === 4 ? 32 : 128)))) {
      return { error: `"${entry}" is not an IP address or CIDR range` };
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, prefix, type);
  }
  return list;
}

/** A hop as written in the header: an IPv4 or IPv6 address, IPv4-mapped IPv6 unwrapped. */
function hopAddress(hop: string): string | null {
  const address = hop.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return isIP(address) ? address : null;
}

function isTrusted(proxies: BlockList, address: string): boolean {
  return proxies.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}

export function clientAddress(forwardedFor: string | null, proxies: BlockList | null): string | null {
  if (!proxies || !forwardedFor) return null;
  const hops = forwardedFor.split(',').map((hop) => hop.trim());
  for (let i = hops.length - 1; i >= 0; i--) {
    const address = hopAddress(hops[i]!);
    if (!address) return null;
    if (!isTrusted(proxies, address)) return address;
  }
  return null;
}
