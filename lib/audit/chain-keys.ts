import 'server-only';
import { env } from '@/lib/env';
import { chainKey, type ChainKey } from './chain';

export interface ChainKeyring {
  /** Writes every new event. */
  current: ChainKey;
  /** Every key the verifier accepts, by id: the current one and AUDIT_CHAIN_PREVIOUS_KEYS. */
  byId: ReadonlyMap<string, ChainKey>;
}

let cached: ChainKeyring | undefined;

export function chainKeyring(): ChainKeyring {
  if (!cached) {
    const settings = env();
    const current = chainKey(settings.AUDIT_CHAIN_KEY);
    const previous = (settings.AUDIT_CHAIN_PREVIOUS_KEYS ?? '').split(',').map((key) => key.trim()).filter(Boolean).map(chainKey);
    cached = { current, byId: new Map([current, ...previous].map((key) => [key.id, key])) };
  }
  return cached;
}
