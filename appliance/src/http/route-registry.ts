import { Router, type Request, type Response } from "express";
import { z } from "zod";
import type { SessionUser } from "@innbox/protocol";
import { validate } from "./validation.js";

export type Method = "get" | "post" | "put" | "patch" | "delete";

/**
 * Who may call a route. `public`: anyone; `signed-in`: any team member with a session;
 * `manager`: managers only; `bearer`: a capability token checked by the route itself.
 */
export type Access = "public" | "signed-in" | "manager" | "bearer";

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Several when the answer comes in more than one (a QR code as PNG or SVG). */
  contentType?: string | string[];
}

export interface RouteContext<B, P, Q> {
  req: Request;
  res: Response;
  body: B;
  params: P;
  query: Q;
  /** Set for `signed-in` and `manager` routes. */
  user: SessionUser | undefined;
}

export interface RouteSpec<B extends z.ZodType, P extends z.ZodType, Q extends z.ZodType> {
  method: Method;
  /** Express-style path, e.g. `/api/team/:id`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  access: Access;
  body?: B;
  /** A body the handler reads itself (an image upload): its types, for the OpenAPI description. */
  rawBody?: { contentTypes: string[]; description: string };
  params?: P;
  query?: Q;
  /** Runs before input validation (e.g. "setup already done" beats "bad body"). */
  precheck?: (req: Request, res: Response) => Promise<void>;
  /** The first 2xx is the status of a normal answer; 204 sends no body. */
  responses: Record<number, ResponseSpec>;
  handler: (ctx: RouteContext<z.infer<B>, z.infer<P>, z.infer<Q>>) => unknown;
}

type AnyRoute = RouteSpec<z.ZodType, z.ZodType, z.ZodType>;

export interface AccessControl {
  /** Resolves the caller for `access`, or throws 401/403. Checks CSRF on state changes. */
  authorize(req: Request, access: Access): Promise<SessionUser | undefined>;
}

export interface RouteRegistry {
  add<B extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined>(
    spec: RouteSpec<B, P, Q>,
  ): void;
  routes(): readonly AnyRoute[];
  router(access: AccessControl): Router;
}

export function createRouteRegistry(): RouteRegistry {
  const routes: AnyRoute[] = [];
  const operationIds = new Set<string>();
  return {
    add(spec) {
      if (operationIds.has(spec.operationId)) throw new Error(`operationId ${spec.operationId} is used twice`);
      operationIds.add(spec.operationId);
      routes.push(spec as unknown as AnyRoute);
    },
    routes: () => routes,
    router(access) {
      const router = Router();
      for (const route of routes) {
        const status = Number(Object.keys(route.responses).find((s) => s.startsWith("2")) ?? 200);
        router[route.method](route.path, async (req, res) => {
          const user = await access.authorize(req, route.access);
          if (route.precheck) await route.precheck(req, res);
          const params = route.params ? validate(route.params, req.params, "params") : undefined;
          const query = route.query ? validate(route.query, req.query, "query") : undefined;
          const body = route.body ? validate(route.body, req.body, "body") : undefined;
          const result = await route.handler({ req, res, body, params, query, user });
          if (res.headersSent) return;
          if (status === 204 || result === undefined) {
            res.status(status === 204 || result === undefined ? 204 : status).end();
            return;
          }
          res.status(status).json(result);
        });
      }
      return router;
    },
  };
}

