import 'server-only';
import { env } from '@/lib/env';
import { sandboxControl } from '@/lib/qa/sandbox-control';

export interface CardProduct {
  serviceId: string;
  serviceName: string;
  type: 'prepaid' | 'debit';
}

/**
 * Suggestions for the product field of the issuance forms. The five endpoints the console
 * uses have no product listing, so: the sandbox's catalogue while it is the upstream,
 * otherwise none (the operator types the 15-character product id; Konaplate validates it).
 */
export async function suggestedProducts(type: CardProduct['type']): Promise<CardProduct[]> {
  if (!env().upstreamIsSandbox) return [];
  try {
    const { products } = await sandboxControl<{ products: CardProduct[] }>('/products');
    return products.filter((product) => product.type === type);
  } catch {
    return []; // suggestions only: the form works without them
  }
}
