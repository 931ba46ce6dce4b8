import type { CallRinging, CallSignal } from "@innbox/protocol";
import { createCallPeer, openLocalMedia, stopTracks, type CallPeer } from "@innbox/protocol/web/call-peer";
import { useEffect, useRef, useState } from "preact/hooks";
import { connectCallSocket, type CallSocket } from "../api/call-socket";
import { t } from "../messages";

type Ring = CallRinging & { takenBy?: string };
type Live = { callId: string; kioskName: string; phase: "connecting" | "talking" | "ended"; endedText?: string };

/** A ringing tone made with Web Audio (two short beeps every two seconds); no file needed. */
function startRingtone(): () => void {
  const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctx) return () => undefined;
  let ctx: AudioContext;
  try {
    ctx = new Ctx();
  } catch {
    return () => undefined;
  }
  const beep = (at: number) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.35);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + 0.4);
  };
  const ring = () => {
    beep(ctx.currentTime);
    beep(ctx.currentTime + 0.5);
  };
  ring();
  const timer = setInterval(ring, 2000);
  return () => {
    clearInterval(timer);
    void ctx.close().catch(() => undefined);
  };
}

/** The incoming-call banner on every page, and the call view once accepted. */
export function CallBanner() {
  const [rings, setRings] = useState<Ring[]>([]);
  const [live, setLive] = useState<Live | null>(null);
  const [muted, setMuted] = useState(false);
  const [cameraOff, setCameraOff] = useState(false);
  const [hasCamera, setHasCamera] = useState(false);
  const socket = useRef<CallSocket>();
  const peer = useRef<CallPeer>();
  const local = useRef<MediaStream>();
  const queued = useRef<CallSignal[]>([]);
  const liveId = useRef<string>();
  const remoteVideo = useRef<HTMLVideoElement>(null);
  const localVideo = useRef<HTMLVideoElement>(null);

  const release = () => {
    peer.current?.close();
    peer.current = undefined;
    stopTracks(local.current);
    local.current = undefined;
    queued.current = [];
  };

  const endLive = (text: string) => {
    liveId.current = undefined;
    release();
    setLive((now) => (now ? { ...now, phase: "ended", endedText: text } : now));
  };

  useEffect(() => {
    const s = connectCallSocket({
      ringing: (event) => setRings((list) => [...list.filter((r) => r.callId !== event.callId), event]),
      taken: (event) => setRings((list) => list.map((r) => (r.callId === event.callId ? { ...r, takenBy: event.by.name } : r))),
      signal: (event) => {
        if (event.callId !== liveId.current) return;
        if (peer.current) void peer.current.receive(event).catch(() => undefined);
        else queued.current.push(event);
      },
      end: (event) => {
        setRings((list) => list.filter((r) => r.callId !== event.callId || r.takenBy));
        if (event.callId === liveId.current) endLive(event.reason === "hangup" ? t.calls.endedByGuest : event.reason === "error" ? t.calls.failed : t.calls.ended);
      },
    });
    socket.current = s;
    return () => {
      if (liveId.current) s.hangUp(liveId.current);
      release();
      s.close();
    };
  }, []);

  // Rings while a call waits and nobody took it.
  const waiting = rings.some((r) => !r.takenBy) && !live;
  useEffect(() => (waiting ? startRingtone() : undefined), [waiting]);

  // "Taken by" fades after a few seconds.
  useEffect(() => {
    if (!rings.some((r) => r.takenBy)) return;
    const timer = setTimeout(() => setRings((list) => list.filter((r) => !r.takenBy)), 6000);
    return () => clearTimeout(timer);
  }, [rings]);

  const accept = async (ring: Ring) => {
    const s = socket.current;
    if (!s) return;
    const ack = await s.accept(ring.callId).catch(() => ({ ok: false as const, error: t.calls.failed }));
    setRings((list) => list.filter((r) => r.callId !== ring.callId));
    if (!ack.ok) return;
    liveId.current = ring.callId;
    setMuted(false);
    setCameraOff(false);
    setLive({ callId: ring.callId, kioskName: ring.kioskName, phase: "connecting" });
    const stream = await openLocalMedia();
    if (liveId.current !== ring.callId) return stopTracks(stream);
    local.current = stream;
    setHasCamera(stream.getVideoTracks().length > 0);
    if (localVideo.current) localVideo.current.srcObject = stream;
    const callId = ring.callId;
    peer.current = createCallPeer(stream, {
      iceServers: ack.iceServers,
      send: (signal) => s.signal({ callId, ...signal }),
      onRemote: (remote) => {
        if (remoteVideo.current && remoteVideo.current.srcObject !== remote) remoteVideo.current.srcObject = remote;
        setLive((now) => (now && now.callId === callId && now.phase === "connecting" ? { ...now, phase: "talking" } : now));
      },
      onFailed: () => {
        s.hangUp(callId);
        endLive(t.calls.failed);
      },
    });
    for (const signal of queued.current.splice(0)) await peer.current.receive(signal).catch(() => undefined);
  };

  const decline = (ring: Ring) => {
    setRings((list) => list.filter((r) => r.callId !== ring.callId));
    void socket.current?.decline(ring.callId);
  };

  const hangUp = () => {
    if (liveId.current) socket.current?.hangUp(liveId.current);
    endLive(t.calls.ended);
    setLive(null);
  };

  return (
    <>
      {rings.length > 0 && (
        <div class="call-banners" role="region" aria-label={t.calls.ringingHint}>
          {rings.map((ring) =>
            ring.takenBy ? (
              <div key={ring.callId} class="call-banner call-banner-taken" role="status">
                <p>{t.calls.takenBy(ring.kioskName, ring.takenBy)}</p>
                <button type="button" class="button" onClick={() => setRings((list) => list.filter((r) => r.callId !== ring.callId))}>
                  {t.calls.dismiss}
                </button>
              </div>
            ) : (
              <div key={ring.callId} class="call-banner" role="alert">
                <div>
                  <strong>{t.calls.ringing(ring.kioskName)}</strong>
                  <p>{t.calls.ringingHint}</p>
                </div>
                <div class="call-banner-actions">
                  <button type="button" class="button call-decline" onClick={() => decline(ring)}>
                    {t.calls.decline}
                  </button>
                  <button type="button" class="button call-accept" onClick={() => void accept(ring)}>
                    {t.calls.accept}
                  </button>
                </div>
              </div>
            ),
          )}
        </div>
      )}
      {live && (
        <div class="call-view" role="dialog" aria-modal="true" aria-labelledby="call-view-title">
          <h2 id="call-view-title" class="call-view-title">
            {t.calls.withKiosk(live.kioskName)}
            {live.phase === "connecting" && <span class="call-view-state"> · {t.calls.connecting}</span>}
          </h2>
          <video ref={remoteVideo} class="call-remote" autoPlay playsInline aria-label={t.calls.guestVideo} data-testid="remote-video" />
          <video ref={localVideo} class="call-local" autoPlay playsInline muted hidden={!hasCamera || live.phase === "ended"} aria-label={t.calls.ownVideo} />
          {live.phase === "ended" ? (
            <div class="call-controls">
              <p role="status">{live.endedText}</p>
              <button type="button" class="button" onClick={() => setLive(null)}>
                {t.calls.close}
              </button>
            </div>
          ) : (
            <div class="call-controls">
              <button type="button" class="button" aria-pressed={muted} onClick={() => (peer.current?.setMuted(!muted), setMuted(!muted))}>
                {muted ? t.calls.unmute : t.calls.mute}
              </button>
              {hasCamera && (
                <button type="button" class="button" aria-pressed={cameraOff} onClick={() => (peer.current?.setCameraOff(!cameraOff), setCameraOff(!cameraOff))}>
                  {cameraOff ? t.calls.cameraOn : t.calls.cameraOff}
                </button>
              )}
              <button type="button" class="button call-hangup" onClick={hangUp}>
                {t.calls.hangUp}
              </button>
            </div>
          )}
        </div>
      )}
    </>
  );
}
