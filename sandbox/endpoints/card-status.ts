import { z } from 'zod';
import type { JsonValue } from '../json-body';
import { ApiFailure, RESULTS } from '../result-codes';
import type { Card } from '../state';
import { cardNoSchema, parSchema, parseRequest, requireMember, userIdSchema, type EndpointContext, type SuccessData } from './common';

/**
 * POST /api/v1/card/status: suspends or resumes one of the member's cards, named by par or
 * by card number. The platform knows only SUSPEND and RESUME, so the sandbox reads every
 * suspension as a lost report (cardBizStatus 31), which the reissuance then accepts.
 */

const requestSchema = z.object({
  userId: userIdSchema,
  par: parSchema.optional(),
  cardNo: cardNoSchema.optional(),
  status: z.enum(['SUSPEND', 'RESUME']),
});

/** States a card can be suspended from: active, lost report released, or waiting for its physical card. */
const SUSPENDABLE = new Set<Card['cardBizStatus']>(['60', '61', '36']);

const matchesNumber = (card: Card, cardNo: string) => card.physicalCardNo === cardNo || card.mobileCardNo === cardNo;

function findCard(cards: Card[], request: { par?: string; cardNo?: string }): Card {
  const { par, cardNo } = request;
  if (par !== undefined) {
    const card = cards.find((c) => c.par === par);
    if (!card) throw new ApiFailure(RESULTS.parNotFound);
    // Both given: they must name the same card.
    if (cardNo !== undefined && !matchesNumber(card, cardNo)) throw new ApiFailure(RESULTS.invalidCardInfo);
    return card;
  }
  const card = cardNo === undefined ? undefined : cards.find((c) => matchesNumber(c, cardNo));
  if (!card) throw new ApiFailure(RESULTS.invalidCardInfo);
  return card;
}

export function handleCardStatus(body: JsonValue, context: EndpointContext): SuccessData {
  const request = parseRequest(requestSchema, body);
  if (request.par === undefined && request.cardNo === undefined) throw new ApiFailure(RESULTS.missingValue('par'));
  const member = requireMember(context, request.userId);
  const card = findCard(context.state.cardsOf(member.userId), request);
  if (card.cardLifeStatus === '90') throw new ApiFailure(RESULTS.cardTerminated);

  if (request.status === 'SUSPEND') {
    if (card.cardLifeStatus !== '60' || !SUSPENDABLE.has(card.cardBizStatus)) {
      throw new ApiFailure(RESULTS.statusChangeNotAllowed);
    }
    context.state.suspendAsLost(card);
  } else {
    // Only a lost report is released; a card being replaced stays suspended.
    if (card.cardBizStatus !== '31' || card.reissueInProgress) throw new ApiFailure(RESULTS.statusChangeNotAllowed);
    context.state.releaseLost(card);
  }
  return {};
}
