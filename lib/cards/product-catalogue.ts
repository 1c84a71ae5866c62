import 'server-only';
import { failureState } from '@/lib/auth/protected-action';
import type { CurrentOperator } from '@/lib/auth/access';
import type { ActionState } from '@/lib/domain/action-state';
import type { CardProduct } from '@/lib/domain/cards';
import { auditedCall } from '@/lib/upstream/audited-call';
import { konaplate } from '@/lib/upstream/client';

export type ProductType = 'prepaid' | 'debit';

/**
 * The card products this console sells, by type: the ones it carries card art for
 * (public/card-products/). Konaplate's "Card Product ID Inquiry" names only the ids it is asked
 * about, and the type of a product is nowhere in its answers: both are the console's knowledge.
 */
export const CONSOLE_PRODUCTS: Readonly<Record<ProductType, readonly string[]>> = {
  prepaid: ['SVCPP0000000101', 'SVCPP0000000102', 'SVCPP0000000103', 'SVCPP0000000104'],
  debit: ['SVCDC0000000201', 'SVCDC0000000202', 'SVCDC0000000203', 'SVCDC0000000204', 'SVCDC0000000205', 'SVCDC0000000206', 'SVCDC0000000207'],
};

/** Names change rarely: one upstream call serves every picker for this long. */
export const PRODUCTS_TTL_MS = 5 * 60_000;

export interface ProductChoice {
  serviceId: string;
  serviceName: string;
}

/** The products of a picker; without them (`failure`, in words), the operator types the id. */
export interface ProductCatalogue {
  products: Record<ProductType, ProductChoice[]>;
  failure?: Exclude<ActionState<never>, { status: 'idle' | 'ok' | 'invalid' }>;
}

interface CachedProducts {
  at: number;
  products: Promise<CardProduct[]>;
}

// On globalThis, like the shared card reads: pages and actions may load separate module instances.
const storeKey = Symbol.for('konaplate.card-products');
const cache = globalThis as Record<symbol, CachedProducts | undefined>;

/** Forgets the cached names (tests, and a QA reset of the sandbox's catalogue). */
export function forgetCardProducts(): void {
  cache[storeKey] = undefined;
}

/**
 * The console's products with Konaplate's names, cached for PRODUCTS_TTL_MS. The operator whose
 * page needed the names is the one the upstream call is audited for; a page served from the
 * cache costs no call and no event. A failure is not cached: the next page asks again.
 */
export async function loadCardProducts(operator: CurrentOperator): Promise<ProductCatalogue> {
  const now = Date.now();
  let entry = cache[storeKey];
  if (!entry || now - entry.at > PRODUCTS_TTL_MS) {
    const ids = [...CONSOLE_PRODUCTS.prepaid, ...CONSOLE_PRODUCTS.debit];
    const products = auditedCall(
      { actor: operator, action: 'list-products', request: { serviceIds: ids.length } },
      () => konaplate().listCardProducts(ids),
      (found) => ({ products: found.length }),
    ).then((outcome) => {
      if (!outcome.ok) throw outcome.error;
      return outcome.data;
    });
    entry = { at: now, products };
    cache[storeKey] = entry;
    const current = entry;
    products.catch(() => {
      if (cache[storeKey] === current) cache[storeKey] = undefined;
    });
  }
  try {
    const found = await entry.products;
    const ofType = (type: ProductType) =>
      found.filter((p) => CONSOLE_PRODUCTS[type].includes(p.serviceId)).map(({ serviceId, serviceName }) => ({ serviceId, serviceName }));
    return { products: { prepaid: ofType('prepaid'), debit: ofType('debit') } };
  } catch (error) {
    const failure = await failureState(error);
    if (failure.status === 'idle' || failure.status === 'ok' || failure.status === 'invalid') throw error;
    return { products: { prepaid: [], debit: [] }, failure };
  }
}
