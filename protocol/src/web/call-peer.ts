// One side of a kiosk call in the browser: the camera and microphone, the RTCPeerConnection,
// and the signals it trades over socket.io (`call:signal`). Shared by the kiosk page and the
// admin page; nothing here holds a track once `close()` ran.

export interface CallSignalOut {
  description?: { type: "offer" | "answer" | "pranswer" | "rollback"; sdp?: string };
  candidate?: { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null; usernameFragment?: string | null };
}

export interface IceServerLike {
  urls: string | string[];
  username?: string;
  credential?: string;
}

/** Microphone, and the camera when the device has one; an empty stream when neither is allowed. */
export async function openLocalMedia(): Promise<MediaStream> {
  const media = navigator.mediaDevices;
  if (!media?.getUserMedia) return new MediaStream();
  const devices = await media.enumerateDevices().catch(() => [] as MediaDeviceInfo[]);
  const camera = devices.length === 0 || devices.some((d) => d.kind === "videoinput");
  try {
    return await media.getUserMedia({ audio: true, video: camera ? { width: { ideal: 1280 }, height: { ideal: 720 } } : false });
  } catch {
    try {
      return await media.getUserMedia({ audio: true, video: false });
    } catch {
      return new MediaStream();
    }
  }
}

export function stopTracks(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

export interface CallPeer {
  /** The kiosk's side: makes the offer once the call was accepted. */
  offer(): Promise<void>;
  /** A `call:signal` from the other side. */
  receive(signal: CallSignalOut): Promise<void>;
  setMuted(muted: boolean): void;
  setCameraOff(off: boolean): void;
  readonly connection: RTCPeerConnection;
  /** Closes the connection and stops every local track. */
  close(): void;
}

export function createCallPeer(
  local: MediaStream,
  options: { iceServers: IceServerLike[]; send(signal: CallSignalOut): void; onRemote(stream: MediaStream): void; onFailed(): void },
): CallPeer {
  const pc = new RTCPeerConnection({ iceServers: options.iceServers as RTCIceServer[] });
  for (const track of local.getTracks()) pc.addTrack(track, local);
  // Hear and see the other side even without a microphone or camera here.
  if (!local.getAudioTracks().length) pc.addTransceiver("audio", { direction: "recvonly" });
  if (!local.getVideoTracks().length) pc.addTransceiver("video", { direction: "recvonly" });
  const remote = new MediaStream();
  pc.ontrack = (event) => {
    remote.addTrack(event.track);
    options.onRemote(remote);
  };
  pc.onicecandidate = (event) => {
    if (event.candidate) options.send({ candidate: event.candidate.toJSON() as CallSignalOut["candidate"] });
  };
  pc.onconnectionstatechange = () => {
    if (pc.connectionState === "failed") options.onFailed();
  };
  const pending: RTCIceCandidateInit[] = [];
  let closed = false;
  const describe = (d: RTCSessionDescriptionInit): CallSignalOut => ({ description: { type: d.type, ...(d.sdp ? { sdp: d.sdp } : {}) } });
  return {
    connection: pc,
    async offer() {
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      options.send(describe(offer));
    },
    async receive(signal) {
      if (closed) return;
      if (signal.description) {
        await pc.setRemoteDescription(signal.description as RTCSessionDescriptionInit);
        for (const candidate of pending.splice(0)) await pc.addIceCandidate(candidate).catch(() => undefined);
        if (signal.description.type === "offer") {
          const answer = await pc.createAnswer();
          await pc.setLocalDescription(answer);
          options.send(describe(answer));
        }
      }
      if (signal.candidate) {
        const candidate = signal.candidate as RTCIceCandidateInit;
        if (!pc.remoteDescription) pending.push(candidate);
        else await pc.addIceCandidate(candidate).catch(() => undefined);
      }
    },
    setMuted(muted) {
      for (const track of local.getAudioTracks()) track.enabled = !muted;
    },
    setCameraOff(off) {
      for (const track of local.getVideoTracks()) track.enabled = !off;
    },
    close() {
      closed = true;
      pc.close();
      stopTracks(local);
    },
  };
}
