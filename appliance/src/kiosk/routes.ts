import type { Request, Response } from "express";
import {
  CallList,
  CallListQuery,
  CreateKioskBody,
  Kiosk,
  KioskList,
  KioskMessageBody,
  KioskMessageCreated,
  KioskPairing,
  KioskParams,
  KioskScreen,
  KioskSettings,
  KioskToken,
  PairKioskBody,
  ReloadAnswer,
  UpdateKioskBody,
} from "@innbox/protocol";
import { SESSION_COOKIE } from "../auth/index.js";
import { readCookie } from "../crypto/index.js";
import { AppError, type RouteRegistry } from "../http/index.js";
import type { KioskService, PairedKiosk } from "./kiosk-service.js";
import { kioskTexts } from "./messages.js";

export function bearerToken(req: Request): string | undefined {
  return req.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
}

/** The kiosk behind the bearer token, checked before the body (401 beats 400). */
function kioskCheck(kiosks: KioskService) {
  return async (req: Request, res: Response) => {
    const token = bearerToken(req);
    if (!token && readCookie(req.headers.cookie, SESSION_COOKIE)) throw AppError.unauthorized(kioskTexts.staffSession);
    const kiosk = await kiosks.kioskForToken(token);
    res.locals.kiosk = kiosk;
    void kiosks.seen(kiosk.id);
  };
}

export function registerKioskRoutes(registry: RouteRegistry, kiosks: KioskService): void {
  const tag = "Kiosk";
  const kioskOf = (res: Response) => res.locals.kiosk as PairedKiosk;
  const asKiosk = kioskCheck(kiosks);

  registry.add({
    method: "post",
    path: "/api/kiosks",
    operationId: "createKiosk",
    summary: "Add a lobby kiosk: answers with its one-time pairing code (good for one hour) to enter on the tablet or open as a link.",
    tag,
    access: "manager",
    body: CreateKioskBody,
    responses: { 201: { description: "The kiosk and its pairing code.", schema: KioskPairing } },
    handler: ({ body }) => kiosks.create(body.name),
  });
  registry.add({
    method: "get",
    path: "/api/kiosks",
    operationId: "listKiosks",
    summary: "The kiosks: paired or waiting for their code, online now, last seen.",
    tag,
    access: "manager",
    responses: { 200: { description: "The kiosks, oldest first.", schema: KioskList } },
    handler: async () => ({ kiosks: await kiosks.list() }),
  });
  registry.add({
    method: "patch",
    path: "/api/kiosks/:id",
    operationId: "updateKiosk",
    summary: "Rename a kiosk.",
    tag,
    access: "manager",
    params: KioskParams,
    body: UpdateKioskBody,
    responses: { 200: { description: "The kiosk as now stored.", schema: Kiosk } },
    handler: ({ params, body }) => kiosks.rename(params.id, body.name),
  });
  registry.add({
    method: "delete",
    path: "/api/kiosks/:id",
    operationId: "deleteKiosk",
    summary: "Revoke a kiosk: its page is disconnected at once and its token no longer works.",
    tag,
    access: "manager",
    params: KioskParams,
    responses: { 204: { description: "Revoked and removed." } },
    handler: ({ params }) => kiosks.revoke(params.id),
  });
  registry.add({
    method: "post",
    path: "/api/kiosks/:id/pairing-code",
    operationId: "createKioskPairingCode",
    summary: "A new pairing code for a kiosk (the previous one stops working; a tablet paired with it replaces the one paired before).",
    tag,
    access: "manager",
    params: KioskParams,
    responses: { 201: { description: "The kiosk and its new pairing code.", schema: KioskPairing } },
    handler: ({ params }) => kiosks.newCode(params.id),
  });
  registry.add({
    method: "post",
    path: "/api/kiosks/:id/reload",
    operationId: "reloadKiosk",
    summary: "Ask a kiosk to reload its page (the `reload` event on /kiosk).",
    tag,
    access: "manager",
    params: KioskParams,
    responses: { 202: { description: "Asked; `connected` says whether the kiosk was there to hear it.", schema: ReloadAnswer } },
    handler: async ({ params }) => ({ connected: await kiosks.reload(params.id) }),
  });
  registry.add({
    method: "get",
    path: "/api/kiosk-settings",
    operationId: "getKioskSettings",
    summary: "The kiosk's idle-screen content: Wi-Fi, phone number, emergency text per language.",
    tag,
    access: "manager",
    responses: { 200: { description: "The settings.", schema: KioskSettings } },
    handler: () => kiosks.settings(),
  });
  registry.add({
    method: "put",
    path: "/api/kiosk-settings",
    operationId: "updateKioskSettings",
    summary: "Replace the kiosk's idle-screen content; connected kiosks show it at once.",
    tag,
    access: "manager",
    body: KioskSettings,
    responses: { 200: { description: "The settings as now stored.", schema: KioskSettings } },
    handler: ({ body }) => kiosks.putSettings(body),
  });
  registry.add({
    method: "get",
    path: "/api/calls",
    operationId: "listCalls",
    summary: "The call log of the kiosks, newest first.",
    tag,
    access: "signed-in",
    query: CallListQuery,
    responses: { 200: { description: "The calls.", schema: CallList } },
    handler: async ({ query }) => ({ calls: await kiosks.calls(query.limit ?? 50) }),
  });

  // The kiosk's own routes: its bearer token and nothing else.
  registry.add({
    method: "post",
    path: "/api/kiosk/pair",
    operationId: "pairKiosk",
    summary: "Trade a one-time pairing code for the kiosk's token. Unknown, used and expired codes are all 404; more than 10 wrong codes a minute from one address is 429.",
    tag,
    access: "public",
    body: PairKioskBody,
    responses: { 200: { description: "The kiosk's token.", schema: KioskToken } },
    handler: ({ body, req }) => kiosks.pair(body.code, req.ip ?? "unknown"),
  });
  registry.add({
    method: "get",
    path: "/api/kiosk/screen",
    operationId: "getKioskScreen",
    summary: "What the kiosk's idle screen shows: property, weather, Wi-Fi QR text, reception link, phone, emergency text.",
    tag,
    access: "bearer",
    precheck: asKiosk,
    responses: { 200: { description: "The idle-screen content.", schema: KioskScreen } },
    handler: () => kiosks.screen(),
  });
  registry.add({
    method: "post",
    path: "/api/kiosk/messages",
    operationId: "sendKioskMessage",
    summary: "A message a guest leaves at the kiosk: it reaches staff like any guest message, on the `kiosk` channel tagged with the kiosk's name.",
    tag,
    access: "bearer",
    precheck: asKiosk,
    body: KioskMessageBody,
    responses: { 201: { description: "The stored message and its conversation.", schema: KioskMessageCreated } },
    handler: ({ body, res }) => kiosks.leaveMessage(kioskOf(res), body),
  });
}

