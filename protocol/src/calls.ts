import { z } from "zod";

// Calls from a lobby kiosk to the staff: the socket.io signalling of the contract ("Kiosk" → "Calls").
// The server relays WebRTC descriptions and ICE candidates only between the kiosk and the member who accepted.

export const CALL_RING_MS = 45_000;
/** A side that drops mid-call may come back within this time before the call ends with "error". */
export const CALL_GRACE_MS = 8_000;

export const CALL_END_REASONS = ["hangup", "unanswered", "declined", "revoked", "error"] as const;
export type CallEndReason = (typeof CALL_END_REASONS)[number];

const CallId = z.string().min(1).max(80);

export const IceServer = z.object({
  urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

export const CallRef = z.object({ callId: CallId });
export type CallRef = z.infer<typeof CallRef>;

export const CallSignal = z
  .object({
    callId: CallId,
    description: z.object({ type: z.enum(["offer", "answer", "pranswer", "rollback"]), sdp: z.string().max(200_000).optional() }).optional(),
    candidate: z
      .object({
        candidate: z.string().max(2000),
        sdpMid: z.string().max(100).nullable().optional(),
        sdpMLineIndex: z.number().int().min(0).max(100).nullable().optional(),
        usernameFragment: z.string().max(200).nullable().optional(),
      })
      .optional(),
  })
  .refine((s) => s.description !== undefined || s.candidate !== undefined, { error: "a signal carries a description or a candidate" });
export type CallSignal = z.infer<typeof CallSignal>;

export const CallEndBody = z.object({ callId: CallId, reason: z.enum(CALL_END_REASONS).optional() });

export interface CallParty {
  id: string;
  name: string;
}
export interface CallRinging {
  callId: string;
  kioskName: string;
  iceServers: IceServer[];
}
export interface CallAccepted {
  callId: string;
  by: CallParty;
  iceServers: IceServer[];
}
export interface CallTaken {
  callId: string;
  by: CallParty;
}
export interface CallEnd {
  callId: string;
  reason: CallEndReason;
}
export type CallStartAck = { callId: string } | { error: string };
export type CallAck = { ok: true } | { ok: false; error: string };
export type CallAcceptAck = { ok: true; iceServers: IceServer[] } | { ok: false; error: string };
