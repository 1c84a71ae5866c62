import { z } from 'zod';
import type { JsonValue } from '../json-body';
import type { Product } from '../state';
import { parseRequest, serviceIdSchema, type EndpointContext, type SuccessData } from './common';

/**
 * POST /api/v1/service/info/list: the card products named in serviceIdList (1 to 100 ids), in
 * the order asked, each once; unknown ids are left out. Besides serviceId and serviceName the
 * vendor's fields are not documented: the sandbox answers the product fields the card answers
 * carry (image, affiliate, top-up bounds and flags).
 */

const requestSchema = z.object({
  serviceIdList: z.array(serviceIdSchema).min(1).max(100),
});

export function serviceInfo(product: Product) {
  return {
    serviceId: product.serviceId,
    serviceName: product.name,
    serviceImageUrl: product.imageUrl,
    affiliateId: product.affiliateId,
    rechargeable: product.rechargeable,
    refundable: product.refundable,
    remittable: product.remittable,
    personalRechargeable: product.personalRechargeable,
    overseaPaymentable: product.overseaPaymentable,
    minRechargeAmount: product.minRechargeAmount,
    maxRealNameRechargeAmount: product.maxRealNameRechargeAmount,
    maxNonRealNameRechargeAmount: product.maxNonRealNameRechargeAmount,
    rechargeUnitAmt: product.rechargeUnitAmt,
  };
}

export function handleProductList(body: JsonValue, context: EndpointContext): SuccessData {
  const request = parseRequest(requestSchema, body);
  const products = [...new Set(request.serviceIdList)].flatMap((serviceId) => {
    const product = context.state.product(serviceId);
    return product ? [serviceInfo(product)] : [];
  });
  return { serviceInfos: products };
}
