import { createCallPeer, openLocalMedia, stopTracks, type CallPeer } from "@innbox/protocol/web/call-peer";
import { useEffect, useRef, useState } from "preact/hooks";
import type { CallWords } from "./call-words";
import type { KioskLine } from "./kiosk-connection";
import type { CallAccepted, CallEnd, CallSignal, CallStartAck } from "./kiosk-types";

/** What the page hands the call screen: the line, and the call events it hears. */
export interface CallEvents {
  accepted?: (event: CallAccepted) => void;
  signal?: (event: CallSignal) => void;
  end?: (event: CallEnd) => void;
}

type Phase = "calling" | "connecting" | "talking" | "unanswered" | "ended" | "failed";

/** "Call reception": rings the staff on duty, then a video call with whoever answers. */
export function CallScreen({ words, line, events, onMessage, onClose }: { words: CallWords; line: KioskLine; events: CallEvents; onMessage(): void; onClose(): void }) {
  const [phase, setPhase] = useState<Phase>("calling");
  const [who, setWho] = useState("");
  const [muted, setMuted] = useState(false);
  const [cameraOff, setCameraOff] = useState(false);
  const [hasCamera, setHasCamera] = useState(false);
  const callId = useRef<string>();
  const peer = useRef<CallPeer>();
  const local = useRef<MediaStream>();
  const remoteVideo = useRef<HTMLVideoElement>(null);
  const localVideo = useRef<HTMLVideoElement>(null);
  const finished = useRef(false);

  const release = () => {
    peer.current?.close();
    peer.current = undefined;
    stopTracks(local.current);
    local.current = undefined;
  };
  const finish = (next: Phase) => {
    finished.current = true;
    release();
    setPhase(next);
  };

  useEffect(() => {
    const queued: CallSignal[] = [];
    events.accepted = (event) => {
      if (event.callId !== callId.current || finished.current) return;
      setWho(event.by.name);
      setPhase("connecting");
      void (async () => {
        const stream = await openLocalMedia();
        if (finished.current) return stopTracks(stream);
        local.current = stream;
        setHasCamera(stream.getVideoTracks().length > 0);
        if (localVideo.current) localVideo.current.srcObject = stream;
        const id = event.callId;
        peer.current = createCallPeer(stream, {
          iceServers: event.iceServers,
          send: (signal) => line.emit("call:signal", { callId: id, ...signal }),
          onRemote: (remote) => {
            if (remoteVideo.current && remoteVideo.current.srcObject !== remote) remoteVideo.current.srcObject = remote;
            setPhase("talking");
          },
          onFailed: () => {
            line.emit("call:end", { callId: id, reason: "error" });
            finish("failed");
          },
        });
        for (const signal of queued.splice(0)) await peer.current.receive(signal);
        await peer.current.offer();
      })().catch(() => {
        line.emit("call:end", { callId: event.callId, reason: "error" });
        finish("failed");
      });
    };
    events.signal = (event) => {
      if (event.callId !== callId.current) return;
      if (peer.current) void peer.current.receive(event).catch(() => undefined);
      else queued.push(event);
    };
    events.end = (event) => {
      if (event.callId !== callId.current || finished.current) return;
      finish(event.reason === "unanswered" || event.reason === "declined" ? "unanswered" : event.reason === "error" ? "failed" : "ended");
    };
    line
      .request<CallStartAck>("call:start", {})
      .then((ack) => {
        if ("callId" in ack) {
          callId.current = ack.callId;
          if (finished.current) line.emit("call:end", { callId: ack.callId });
        } else finish("failed");
      })
      .catch(() => finish("failed"));
    return () => {
      events.accepted = events.signal = events.end = undefined;
      if (!finished.current && callId.current) line.emit("call:end", { callId: callId.current });
      finished.current = true;
      release();
    };
  }, []);

  // Let the shell's idle dimming wait while a call is on.
  useEffect(() => {
    if (phase === "talking" || phase === "connecting" || phase === "calling") document.documentElement.dataset.kioskCall = "true";
    else delete document.documentElement.dataset.kioskCall;
    return () => void delete document.documentElement.dataset.kioskCall;
  }, [phase]);

  const hangUp = () => {
    if (callId.current) line.emit("call:end", { callId: callId.current });
    finish("ended");
    onClose();
  };

  if (phase === "unanswered" || phase === "ended" || phase === "failed") {
    return (
      <div class="kiosk-overlay">
        <section class="kiosk-panel kiosk-call-result" role="dialog" aria-modal="true" aria-labelledby="kiosk-call-title">
          <h2 id="kiosk-call-title">{phase === "unanswered" ? words.noAnswer : phase === "failed" ? words.failed : words.ended}</h2>
          {phase === "unanswered" && <p>{words.noAnswerBody}</p>}
          <div class="kiosk-actions">
            <button type="button" class="kiosk-button" onClick={onClose}>
              {words.close}
            </button>
            {phase !== "ended" && (
              <button type="button" class="kiosk-button kiosk-primary" onClick={onMessage}>
                {words.leaveMessage}
              </button>
            )}
          </div>
        </section>
      </div>
    );
  }

  const inCall = phase === "talking" || phase === "connecting";
  return (
    <div class="kiosk-call-screen" role="dialog" aria-modal="true" aria-labelledby="kiosk-call-title">
      <video ref={remoteVideo} class="kiosk-call-remote" autoPlay playsInline hidden={!inCall} data-testid="remote-video" />
      {!inCall && (
        <div class="kiosk-call-ringing">
          <span class="kiosk-call-pulse" aria-hidden="true" />
          <h2 id="kiosk-call-title">{words.calling}</h2>
          <p>{words.callingHint}</p>
        </div>
      )}
      {inCall && (
        <h2 id="kiosk-call-title" class="kiosk-call-who">
          {words.with(who)}
        </h2>
      )}
      <video ref={localVideo} class="kiosk-call-local" autoPlay playsInline muted hidden={!inCall || !hasCamera} />
      <div class="kiosk-call-controls">
        {inCall ? (
          <>
            <button type="button" class="kiosk-button" aria-pressed={muted} onClick={() => (peer.current?.setMuted(!muted), setMuted(!muted))}>
              {muted ? words.unmute : words.mute}
            </button>
            {hasCamera && (
              <button type="button" class="kiosk-button" aria-pressed={cameraOff} onClick={() => (peer.current?.setCameraOff(!cameraOff), setCameraOff(!cameraOff))}>
                {cameraOff ? words.cameraOn : words.cameraOff}
              </button>
            )}
            <button type="button" class="kiosk-button kiosk-hangup" onClick={hangUp}>
              {words.hangUp}
            </button>
          </>
        ) : (
          <button type="button" class="kiosk-button kiosk-hangup" onClick={hangUp}>
            {words.cancel}
          </button>
        )}
      </div>
    </div>
  );
}
