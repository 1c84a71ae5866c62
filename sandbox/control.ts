import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { DAY_MS, kstDate, SETTABLE_DELIVERY_STATUSES } from './delivery';
import type { Fixture } from './fixture';
import { faultSchema, isFaultTarget, type FaultStore } from './faults';
import { readRawBody, sendJson } from './http-io';
import type { RequestLog } from './request-log';
import { listScenarios } from './scenarios';
import type { Application, SandboxState } from './state';

/**
 * The QA control endpoint under /__sandbox/ (outside the API prefix). The server only
 * routes here when KONAPLATE_SANDBOX_CONTROL=1 and the caller is on loopback.
 */

export const CONTROL_PREFIX = '/__sandbox';

export interface ControlDeps {
  fixture: Fixture;
  state: SandboxState;
  faults: FaultStore;
  log: RequestLog;
  reset(): void;
}

const json = (res: ServerResponse, status: number, value: unknown) => sendJson(res, status, JSON.stringify(value));

class BadBody extends Error {}

async function readJson(req: IncomingMessage): Promise<unknown> {
  try {
    return JSON.parse((await readRawBody(req))?.toString('utf8') ?? '');
  } catch {
    throw new BadBody('Body is not JSON');
  }
}

function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new BadBody(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return parsed.data;
}

const clockSchema = z.object({ advanceMinutes: z.number().int().min(1).max(525_600) }).strict();

const applicationPatchSchema = z
  .object({
    /** Pins the delivery status; null lets the clock move it again. CANCEL only comes from the API. */
    deliveryStatus: z.enum(SETTABLE_DELIVERY_STATUSES).nullable().optional(),
    /** The application was made this many days ago (sandbox time): 1 = "from yesterday". */
    appliedDaysAgo: z.number().int().min(0).max(3650).optional(),
    /** The mobile card has been used, so the application can no longer be cancelled. */
    mobileCardUsed: z.boolean().optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'give deliveryStatus, appliedDaysAgo or mobileCardUsed');

function clockView(state: SandboxState) {
  return {
    now: state.now().toISOString(),
    offsetMinutes: Math.round(state.clockOffset / 60_000),
    deliveryStepMinutes: state.deliveryStepMinutes,
  };
}

function applicationView(state: SandboxState, application: Application) {
  const now = state.now();
  const card = state.cardByPar(application.par);
  return {
    cardApplyNo: application.cardApplyNo,
    userId: application.owner,
    par: application.par,
    appliedAt: application.appliedAt.toISOString(),
    /** The day of application in Korea (yyyyMMdd): the only day it can be cancelled. */
    appliedOn: kstDate(application.appliedAt),
    delivery: application.delivery,
    /** null for a mobile-only application (no delivery to inquire). */
    deliveryStatus: state.deliveryStatus(application, now) ?? null,
    /** Set by hand, by the fixture or by a cancellation: the clock no longer moves it. */
    deliveryStatusPinned: application.pinnedStatus !== undefined,
    cancelled: application.pinnedStatus === 'CANCEL',
    mobileCardUsed: card?.mobileCardUsed ?? false,
    ...(application.replacesPar === undefined ? {} : { replacesPar: application.replacesPar }),
  };
}

async function patchApplication(req: IncomingMessage, res: ServerResponse, state: SandboxState, cardApplyNo: string) {
  const application = state.application(cardApplyNo);
  if (!application) return json(res, 404, { error: `Unknown application ${cardApplyNo}` });
  const patch = parseBody(applicationPatchSchema, await readJson(req));
  if (patch.deliveryStatus !== undefined) {
    if (!application.delivery) return json(res, 400, { error: 'A mobile-only application has no delivery' });
    if (application.pinnedStatus === 'CANCEL') return json(res, 409, { error: 'The application is cancelled' });
  }
  const now = state.now();
  if (patch.deliveryStatus !== undefined) application.pinnedStatus = patch.deliveryStatus ?? undefined;
  if (patch.appliedDaysAgo !== undefined) application.appliedAt = new Date(now.getTime() - patch.appliedDaysAgo * DAY_MS);
  const card = state.cardByPar(application.par);
  if (patch.mobileCardUsed !== undefined && card) card.mobileCardUsed = patch.mobileCardUsed;
  // An ARRIVAL set here reaches the card now, not at the next API call.
  state.settle(now);
  return json(res, 200, { application: applicationView(state, application) });
}

export async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL, deps: ControlDeps): Promise<void> {
  try {
    return await routeControl(req, res, url, deps);
  } catch (error) {
    if (error instanceof BadBody) return json(res, 400, { error: error.message });
    throw error;
  }
}

async function routeControl(req: IncomingMessage, res: ServerResponse, url: URL, deps: ControlDeps): Promise<void> {
  const path = url.pathname.slice(CONTROL_PREFIX.length).replace(/\/+$/, '');
  const method = req.method ?? 'GET';
  const route = `${method} ${path}`;

  if (route === 'GET /faults') return json(res, 200, { faults: deps.faults.list() });
  if (route === 'DELETE /faults') {
    deps.faults.clear();
    return json(res, 200, { faults: deps.faults.list() });
  }
  const faultTarget = /^\/faults\/([^/]+)$/.exec(path)?.[1];
  if (faultTarget !== undefined) {
    const target = decodeURIComponent(faultTarget);
    if (!isFaultTarget(target)) return json(res, 404, { error: `Unknown fault target ${target}` });
    if (method === 'PUT') {
      let body: unknown;
      try {
        body = JSON.parse((await readRawBody(req))?.toString('utf8') ?? '');
      } catch {
        return json(res, 400, { error: 'Body is not JSON' });
      }
      const fault = faultSchema.safeParse(body);
      if (!fault.success) {
        return json(res, 400, { error: 'Invalid fault', issues: fault.error.issues.map((i) => i.message) });
      }
      deps.faults.set(target, fault.data);
      return json(res, 200, { faults: deps.faults.list() });
    }
    if (method === 'DELETE') {
      deps.faults.delete(target);
      return json(res, 200, { faults: deps.faults.list() });
    }
    return json(res, 405, { error: 'Method not allowed' });
  }
  if (route === 'POST /reset') {
    deps.reset();
    return json(res, 200, { reset: true });
  }
  if (route === 'GET /scenarios') return json(res, 200, { scenarios: listScenarios(deps.fixture) });
  // The five API endpoints have no product listing; the console's forms suggest these.
  if (route === 'GET /products') {
    const products = deps.fixture.products.map(({ serviceId, name, type }) => ({ serviceId, serviceName: name, type }));
    return json(res, 200, { products });
  }
  if (route === 'GET /requests') {
    const limit = Number(url.searchParams.get('limit') ?? Number.NaN);
    return json(res, 200, { requests: deps.log.last(Number.isInteger(limit) ? limit : undefined) });
  }
  if (route === 'GET /calls') return json(res, 200, { calls: deps.log.calls() });
  if (route === 'GET /correlation-ids') return json(res, 200, { correlationIds: deps.log.correlationIds() });
  if (route === 'GET /clock') return json(res, 200, clockView(deps.state));
  if (route === 'POST /clock') {
    const { advanceMinutes } = parseBody(clockSchema, await readJson(req));
    deps.state.advanceClock(advanceMinutes * 60_000);
    deps.state.settle();
    return json(res, 200, clockView(deps.state));
  }
  if (route === 'GET /applications') {
    deps.state.settle();
    const userId = url.searchParams.get('userId') ?? undefined;
    return json(res, 200, { applications: deps.state.applicationList(userId).map((a) => applicationView(deps.state, a)) });
  }
  const applyNo = /^\/applications\/([^/]+)$/.exec(path)?.[1];
  if (applyNo !== undefined) {
    if (method !== 'PATCH') return json(res, 405, { error: 'Method not allowed' });
    return patchApplication(req, res, deps.state, decodeURIComponent(applyNo));
  }
  return json(res, 404, { error: 'Not found' });
}
