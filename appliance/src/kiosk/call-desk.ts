import type { Logger } from "pino";
import { CALL_GRACE_MS, CALL_RING_MS, type CallEndReason, type CallParty, type CallSignal, type IceServer } from "@innbox/protocol";
import { newId, type Db } from "../db/index.js";
import type { TimerHandle, Timers } from "../time/index.js";
import type { PairedKiosk } from "./kiosk-service.js";
import { kioskTexts } from "./messages.js";
import type { KioskCallRow } from "./tables.js";

/** How the desk reaches the sockets (sockets.ts). */
export interface CallWire {
  /** Staff sockets open now: socket id and signed-in member. */
  staffSockets(): Array<{ socketId: string; member: CallParty }>;
  toStaff(socketId: string, event: "call:ringing" | "call:taken" | "call:signal" | "call:end", payload: unknown): void;
  toKiosk(socketId: string, event: "call:accepted" | "call:signal" | "call:end", payload: unknown): void;
}

export interface CallDeskDeps {
  db: Db;
  log: Logger;
  timers: Timers;
  wire: () => CallWire;
  isOnDuty: (memberId: string) => boolean;
  iceServers: () => IceServer[];
  /** A missed call: alerts staff on duty (Telegram); best effort. */
  missed?: (kioskName: string) => Promise<unknown>;
}

interface LiveCall {
  id: string;
  kiosk: PairedKiosk;
  kioskSocket: string;
  startedAt: number;
  /** Members rung, and the sockets they were rung on. */
  rung: Map<string, Set<string>>;
  declined: Set<string>;
  answeredBy?: CallParty;
  staffSocket?: string;
  answeredAt?: number;
  ringTimer?: TimerHandle;
  grace?: TimerHandle;
  ended: boolean;
}

type Result = { ok: true } | { ok: false; error: string };

/** Calls from kiosks to the staff on duty: ringing, the first accept wins, the relay, the end, the log. */
export class CallDesk {
  private readonly calls = new Map<string, LiveCall>();

  constructor(private readonly deps: CallDeskDeps) {}

  private iso(ms: number) {
    return new Date(ms).toISOString();
  }

  private byKiosk(kioskId: string) {
    return [...this.calls.values()].find((c) => c.kiosk.id === kioskId);
  }

  async start(kiosk: PairedKiosk, socketId: string): Promise<{ callId: string } | { error: string }> {
    if (this.byKiosk(kiosk.id)) return { error: kioskTexts.callBusy };
    const now = this.deps.timers.now();
    const call: LiveCall = { id: newId("call_"), kiosk, kioskSocket: socketId, startedAt: now, rung: new Map(), declined: new Set(), ended: false };
    this.calls.set(call.id, call);
    await this.deps.db
      .insertInto("kiosk_calls")
      .values({ id: call.id, kiosk_id: kiosk.id, kiosk_name: kiosk.name, started_at: this.iso(now), answered_at: null, ended_at: null, answered_by_id: null, answered_by_name: null, outcome: "missed" } satisfies KioskCallRow)
      .execute();
    for (const { socketId: sid, member } of this.deps.wire().staffSockets()) {
      if (!this.deps.isOnDuty(member.id)) continue;
      const sockets = call.rung.get(member.id) ?? new Set<string>();
      sockets.add(sid);
      call.rung.set(member.id, sockets);
    }
    if (!call.rung.size) {
      // Answered at once so the kiosk offers a message; ended right after the acknowledgement.
      this.deps.timers.setTimeout(() => void this.end(call.id, "unanswered"), 0);
      return { callId: call.id };
    }
    const ringing = { callId: call.id, kioskName: kiosk.name, iceServers: this.deps.iceServers() };
    for (const sockets of call.rung.values()) for (const sid of sockets) this.deps.wire().toStaff(sid, "call:ringing", ringing);
    call.ringTimer = this.deps.timers.setTimeout(() => void this.end(call.id, "unanswered"), CALL_RING_MS);
    return { callId: call.id };
  }

  async accept(callId: string, member: CallParty, socketId: string): Promise<{ ok: true; iceServers: IceServer[] } | { ok: false; error: string }> {
    const call = this.calls.get(callId);
    if (!call || call.ended || !call.rung.has(member.id)) return { ok: false, error: kioskTexts.callGone };
    if (call.answeredBy) return { ok: false, error: kioskTexts.callTaken(call.answeredBy.name) };
    this.deps.timers.clearTimeout(call.ringTimer);
    call.answeredBy = member;
    call.staffSocket = socketId;
    call.answeredAt = this.deps.timers.now();
    const wire = this.deps.wire();
    wire.toKiosk(call.kioskSocket, "call:accepted", { callId, by: member, iceServers: this.deps.iceServers() });
    for (const sockets of call.rung.values()) for (const sid of sockets) if (sid !== socketId) wire.toStaff(sid, "call:taken", { callId, by: member });
    await this.deps.db
      .updateTable("kiosk_calls")
      .set({ answered_at: this.iso(call.answeredAt), answered_by_id: member.id, answered_by_name: member.name, outcome: "answered" })
      .where("id", "=", callId)
      .execute();
    return { ok: true, iceServers: this.deps.iceServers() };
  }

  decline(callId: string, memberId: string): Result {
    const call = this.calls.get(callId);
    if (!call || call.ended || call.answeredBy || !call.rung.has(memberId)) return { ok: false, error: kioskTexts.callGone };
    call.declined.add(memberId);
    for (const sid of call.rung.get(memberId) ?? []) this.deps.wire().toStaff(sid, "call:end", { callId, reason: "declined" });
    if ([...call.rung.keys()].every((id) => call.declined.has(id))) void this.end(callId, "declined");
    return { ok: true };
  }

  /** A signal from the kiosk (`from.kioskSocket`) or a staff socket: relayed to the other side of an answered call only. */
  signal(signal: CallSignal, from: { kioskId?: string; socketId: string }): Result {
    const call = this.calls.get(signal.callId);
    if (!call || call.ended || !call.staffSocket) return { ok: false, error: kioskTexts.callGone };
    const payload = { callId: call.id, ...(signal.description ? { description: signal.description } : {}), ...(signal.candidate ? { candidate: signal.candidate } : {}) };
    if (from.kioskId === call.kiosk.id && from.socketId === call.kioskSocket) this.deps.wire().toStaff(call.staffSocket, "call:signal", payload);
    else if (!from.kioskId && from.socketId === call.staffSocket) this.deps.wire().toKiosk(call.kioskSocket, "call:signal", payload);
    else return { ok: false, error: kioskTexts.callNotYours };
    return { ok: true };
  }

  /** Hang-up from one side. */
  hangUp(callId: string, from: { kioskId?: string; socketId: string }): Result {
    const call = this.calls.get(callId);
    if (!call || call.ended) return { ok: false, error: kioskTexts.callGone };
    const mine = from.kioskId ? from.kioskId === call.kiosk.id : from.socketId === call.staffSocket;
    if (!mine) return { ok: false, error: kioskTexts.callNotYours };
    void this.end(callId, "hangup");
    return { ok: true };
  }

  kioskRevoked(kioskId: string) {
    const call = this.byKiosk(kioskId);
    if (call) void this.end(call.id, "revoked");
  }

  /** A socket went away: a ringing kiosk cancels; a side of an answered call gets a short grace. */
  disconnected(socketId: string, kioskId?: string) {
    for (const call of this.calls.values()) {
      if (call.ended) continue;
      if (kioskId && call.kioskSocket === socketId) {
        if (!call.answeredBy) void this.end(call.id, "hangup");
        else this.startGrace(call);
      } else if (!kioskId && call.staffSocket === socketId) this.startGrace(call);
      else if (!kioskId && !call.answeredBy) for (const sockets of call.rung.values()) sockets.delete(socketId);
    }
  }

  /** A kiosk or member connected again: back in their call when its grace runs. */
  reconnected(socketId: string, who: { kioskId?: string; memberId?: string }) {
    for (const call of this.calls.values()) {
      if (call.ended || !call.grace) continue;
      if (who.kioskId && call.kiosk.id === who.kioskId) call.kioskSocket = socketId;
      else if (who.memberId && call.answeredBy?.id === who.memberId) call.staffSocket = socketId;
      else continue;
      this.deps.timers.clearTimeout(call.grace);
      call.grace = undefined;
    }
  }

  private startGrace(call: LiveCall) {
    if (call.grace) return;
    call.grace = this.deps.timers.setTimeout(() => void this.end(call.id, "error"), CALL_GRACE_MS);
  }

  /** Ends a call once: tells both sides (and any member still ringing), writes the log. */
  async end(callId: string, reason: CallEndReason): Promise<void> {
    const call = this.calls.get(callId);
    if (!call || call.ended) return;
    call.ended = true;
    this.calls.delete(callId);
    this.deps.timers.clearTimeout(call.ringTimer);
    this.deps.timers.clearTimeout(call.grace);
    const wire = this.deps.wire();
    const event = { callId, reason };
    wire.toKiosk(call.kioskSocket, "call:end", event);
    if (call.staffSocket) wire.toStaff(call.staffSocket, "call:end", event);
    else for (const [memberId, sockets] of call.rung) if (!call.declined.has(memberId)) for (const sid of sockets) wire.toStaff(sid, "call:end", event);
    const outcome: KioskCallRow["outcome"] = call.answeredBy ? "answered" : reason === "unanswered" ? "missed" : reason === "declined" ? "declined" : "cancelled";
    try {
      await this.deps.db.updateTable("kiosk_calls").set({ ended_at: this.iso(this.deps.timers.now()), outcome }).where("id", "=", callId).execute();
    } catch (err) {
      this.deps.log.warn({ err, callId }, "could not write the end of a call");
    }
    this.deps.log.info({ callId, kioskId: call.kiosk.id, reason, outcome }, "kiosk call ended");
    if (outcome === "missed" && this.deps.missed) {
      this.deps.missed(call.kiosk.name).catch((err: unknown) => this.deps.log.warn({ err }, "could not alert staff of a missed call"));
    }
  }

  /** Ends every call (the app stops). */
  stop() {
    for (const call of [...this.calls.values()]) void this.end(call.id, "error");
  }
}
