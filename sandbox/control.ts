import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fixture } from './fixture';
import { faultSchema, isFaultTarget, type FaultStore } from './faults';
import { readRawBody, sendJson } from './http-io';
import type { RequestLog } from './request-log';
import { listScenarios } from './scenarios';

/**
 * The QA control endpoint under /__sandbox/ (outside the API prefix). The server only
 * routes here when KONAPLATE_SANDBOX_CONTROL=1 and the caller is on loopback.
 */

export const CONTROL_PREFIX = '/__sandbox';

export interface ControlDeps {
  fixture: Fixture;
  faults: FaultStore;
  log: RequestLog;
  reset(): void;
}

const json = (res: ServerResponse, status: number, value: unknown) => sendJson(res, status, JSON.stringify(value));

export async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL, deps: ControlDeps): Promise<void> {
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
  return json(res, 404, { error: 'Not found' });
}
