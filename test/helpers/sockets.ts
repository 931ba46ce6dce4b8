import { io, type Socket } from "socket.io-client";

/** A real socket.io client on a namespace; resolves once connected (rejects with the server's reason). */
export async function connectSocket(
  url: string,
  namespace: string,
  options: { token?: string; cookie?: string; headers?: Record<string, string> } = {},
): Promise<Socket> {
  const headers = { ...options.headers, ...(options.cookie ? { cookie: options.cookie } : {}) };
  const socket = io(`${url}${namespace}`, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    ...(options.token !== undefined ? { auth: { token: options.token } } : {}),
    ...(Object.keys(headers).length ? { extraHeaders: headers } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (err) => {
      socket.close();
      reject(err);
    });
  });
  return socket;
}

/** Collects every payload of `event`, and waits for one matching a predicate. */
export function collect<T = any>(socket: Socket, event: string) {
  const items: T[] = [];
  const waiters: Array<{ test: (t: T) => boolean; resolve: (t: T) => void }> = [];
  socket.on(event, (payload: T) => {
    items.push(payload);
    for (const w of [...waiters]) {
      if (w.test(payload)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(payload);
      }
    }
  });
  return {
    items,
    waitFor(test: (t: T) => boolean, timeoutMs = 5000): Promise<T> {
      const found = items.find(test);
      if (found) return Promise.resolve(found);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${event} matching in ${timeoutMs} ms; got ${JSON.stringify(items).slice(0, 500)}`)), timeoutMs);
        waiters.push({ test, resolve: (t) => (clearTimeout(timer), resolve(t)) });
      });
    },
  };
}

export function emitWithAck<T = any>(socket: Socket, event: string, payload: unknown): Promise<T> {
  return socket.timeout(5000).emitWithAck(event, payload) as Promise<T>;
}

/** Resolves with the reason once the server disconnects `socket`. */
export function disconnected(socket: Socket, timeoutMs = 5000): Promise<string> {
  if (socket.disconnected) return Promise.resolve("already disconnected");
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}
