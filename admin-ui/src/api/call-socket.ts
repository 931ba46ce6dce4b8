// The calls on /staff: its own connection so the banner works on every page.
import type { CallAcceptAck, CallAck, CallEnd, CallRinging, CallSignal, CallTaken } from "@innbox/protocol";
import { SOCKET_OPTIONS } from "@innbox/protocol/web/socket-connection";
import { io } from "socket.io-client";

export interface CallSocketHandlers {
  ringing(event: CallRinging): void;
  taken(event: CallTaken): void;
  signal(event: CallSignal): void;
  end(event: CallEnd): void;
}

export interface CallSocket {
  accept(callId: string): Promise<CallAcceptAck>;
  decline(callId: string): Promise<CallAck>;
  signal(signal: CallSignal): void;
  hangUp(callId: string): void;
  close(): void;
}

export function connectCallSocket(handlers: CallSocketHandlers): CallSocket {
  const socket = io("/staff", { ...SOCKET_OPTIONS, withCredentials: true });
  socket.on("call:ringing", (e: CallRinging) => handlers.ringing(e));
  socket.on("call:taken", (e: CallTaken) => handlers.taken(e));
  socket.on("call:signal", (e: CallSignal) => handlers.signal(e));
  socket.on("call:end", (e: CallEnd) => handlers.end(e));
  const ask = <T,>(event: string, payload: unknown) => socket.timeout(10_000).emitWithAck(event, payload) as Promise<T>;
  return {
    accept: (callId) => ask<CallAcceptAck>("call:accept", { callId }),
    decline: (callId) => ask<CallAck>("call:decline", { callId }),
    signal: (signal) => void socket.emit("call:signal", signal),
    hangUp: (callId) => void socket.emit("call:end", { callId, reason: "hangup" }),
    close: () => void socket.close(),
  };
}
