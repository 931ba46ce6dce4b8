// One LAN client's conversation with a simulated device: decrypting what it sends for the
// device's protocol version, the 3.4/3.5 session key negotiation, and encrypting what the
// device answers or pushes. A client with the wrong local key gets what real devices give
// it: 3.1 reads work (they are in clear), 3.3 gets answers it cannot decrypt, 3.4 and 3.5
// get no answer at all.
import { randomBytes, createCipheriv } from "node:crypto";
import type { Socket } from "node:net";
import {
  Command,
  ecbDecrypt,
  ecbEncrypt,
  frame55aa,
  frame6699,
  frameIntact,
  hmacSha256,
  md5Signature31,
  open6699,
  splitFrames,
  versionHeader,
  type Frame,
  type TuyaProtocolVersion,
} from "./frames.js";

/** What the device does with a decoded request; answers through the session. */
export interface SessionHandler {
  onRequest(session: TuyaSession, command: number, seq: number, body: unknown): void;
  onHeartbeat(session: TuyaSession, seq: number): void;
}

export class TuyaSession {
  private rest: Buffer = Buffer.alloc(0);
  private sessionKey: Buffer | undefined;
  private clientNonce: Buffer | undefined;
  private deviceNonce: Buffer | undefined;
  private seq = 0;
  private readonly localKey: Buffer;

  constructor(
    readonly socket: Socket,
    private readonly version: TuyaProtocolVersion,
    private readonly localKeyText: string,
    private readonly handler: SessionHandler,
    private readonly delay: () => number,
  ) {
    this.localKey = Buffer.from(localKeyText, "utf8");
    socket.on("data", (chunk) => this.receive(chunk));
  }

  /** 3.4/3.5 clients are served only after the key exchange; older ones at once. */
  get ready(): boolean {
    return this.version === "3.1" || this.version === "3.3" || this.sessionKey !== undefined;
  }

  private get key(): Buffer {
    return this.sessionKey ?? this.localKey;
  }

  private receive(chunk: Buffer): void {
    let frames: Frame[];
    try {
      const split = splitFrames(Buffer.concat([this.rest, chunk]), this.version);
      frames = split.frames;
      this.rest = split.rest;
    } catch {
      // Garbage on the wire: real devices drop the connection.
      this.socket.destroy();
      return;
    }
    for (const frame of frames) this.handle(frame);
  }

  private handle(frame: Frame): void {
    if (!frameIntact(frame, this.version, this.key)) return; // 3.4: wrong key, silence
    if (frame.command === Command.HEART_BEAT) {
      if (this.ready) this.handler.onHeartbeat(this, frame.seq);
      return;
    }
    const plain = this.open(frame);
    if (plain === undefined) {
      // 3.3 answers what it cannot read with an error only the right key can read.
      if (this.version === "3.3") this.send(frame.seq, frame.command, Buffer.from("data format error"));
      return;
    }
    if (frame.command === Command.SESS_KEY_NEG_START) return this.startNegotiation(frame.seq, plain);
    if (frame.command === Command.SESS_KEY_NEG_FINISH) return this.finishNegotiation(plain);
    if (!this.ready) return;
    let body: unknown;
    try {
      body = plain.length ? JSON.parse(plain.toString("utf8")) : {};
    } catch {
      this.send(frame.seq, frame.command, Buffer.from("json obj data unvalid"));
      return;
    }
    this.handler.onRequest(this, frame.command, frame.seq, body);
  }

  /** The request's plaintext (version header removed), or undefined when the key does not fit. */
  private open(frame: Frame): Buffer | undefined {
    const body = frame.body;
    const stripHeader = (b: Buffer) => (b.subarray(0, 3).toString("latin1") === this.version ? b.subarray(15) : b);
    switch (this.version) {
      case "3.1": {
        if (body.subarray(0, 3).toString("latin1") !== "3.1") return body; // reads travel in clear
        const signature = body.subarray(3, 19).toString("latin1");
        const base64 = body.subarray(19).toString("latin1");
        if (md5Signature31(base64, this.localKeyText) !== signature) return undefined;
        return ecbDecrypt(this.localKey, Buffer.from(base64, "base64"));
      }
      case "3.3":
        if (body.length === 0) return body;
        return ecbDecrypt(this.localKey, stripHeader(body));
      case "3.4": {
        const plain = ecbDecrypt(this.key, body);
        return plain && stripHeader(plain);
      }
      case "3.5": {
        const plain = open6699(frame, this.key);
        return plain && stripHeader(plain);
      }
    }
  }

  private startNegotiation(seq: number, clientNonce: Buffer): void {
    if (this.version !== "3.4" && this.version !== "3.5") return;
    this.clientNonce = Buffer.from(clientNonce.subarray(0, 16));
    this.deviceNonce = randomBytes(16);
    this.sessionKey = undefined;
    const answer = Buffer.concat([this.deviceNonce, hmacSha256(this.localKey, this.clientNonce)]);
    this.send(seq, Command.SESS_KEY_NEG_RES, answer);
  }

  private finishNegotiation(proof: Buffer): void {
    if (!this.clientNonce || !this.deviceNonce) return;
    if (!hmacSha256(this.localKey, this.deviceNonce).equals(proof.subarray(0, 32))) {
      this.socket.destroy();
      return;
    }
    const mixed = Buffer.alloc(16);
    for (let i = 0; i < 16; i++) mixed[i] = this.clientNonce[i]! ^ this.deviceNonce[i]!;
    if (this.version === "3.4") {
      const cipher = createCipheriv("aes-128-ecb", this.localKey, null);
      cipher.setAutoPadding(false);
      this.sessionKey = Buffer.concat([cipher.update(mixed), cipher.final()]);
    } else {
      const cipher = createCipheriv("aes-128-gcm", this.localKey, this.clientNonce.subarray(0, 12));
      this.sessionKey = Buffer.concat([cipher.update(mixed), cipher.final()]);
    }
  }

  /** Sends a JSON answer; `pushed` marks a status push or a command's status (version header). */
  sendJson(seq: number, command: number, value: unknown, pushed = false): void {
    this.send(seq, command, Buffer.from(JSON.stringify(value), "utf8"), pushed);
  }

  /** A push from the device: its own sequence number. */
  push(command: number, value: unknown): void {
    this.sendJson(++this.seq, command, value, true);
  }

  /** Sends `payload` (undefined: an empty acknowledgement) encrypted as this version does. */
  send(seq: number, command: number, payload?: Buffer, withHeader = false): void {
    const retcode = Buffer.alloc(4);
    let bytes: Buffer;
    switch (this.version) {
      case "3.1": {
        let body = payload ?? Buffer.alloc(0);
        if (payload && withHeader) {
          const base64 = ecbEncrypt(this.localKey, payload).toString("base64");
          body = Buffer.from(`3.1${md5Signature31(base64, this.localKeyText)}${base64}`, "latin1");
        }
        bytes = frame55aa(seq, command, Buffer.concat([retcode, body]));
        break;
      }
      case "3.3": {
        let body = payload ? ecbEncrypt(this.localKey, payload) : Buffer.alloc(0);
        if (payload && withHeader) body = Buffer.concat([versionHeader("3.3"), body]);
        bytes = frame55aa(seq, command, Buffer.concat([retcode, body]));
        break;
      }
      case "3.4": {
        const plain = payload && (withHeader ? Buffer.concat([versionHeader("3.4"), payload]) : payload);
        const body = plain ? ecbEncrypt(this.key, plain) : Buffer.alloc(0);
        bytes = frame55aa(seq, command, Buffer.concat([retcode, body]), this.key);
        break;
      }
      case "3.5": {
        const plain = payload ? (withHeader ? Buffer.concat([versionHeader("3.5"), payload]) : payload) : Buffer.alloc(0);
        bytes = frame6699(seq, command, Buffer.concat([retcode, plain]), this.key);
        break;
      }
    }
    const write = () => {
      if (!this.socket.destroyed) this.socket.write(bytes);
    };
    const ms = this.delay();
    if (ms > 0) setTimeout(write, ms).unref();
    else write();
  }
}
