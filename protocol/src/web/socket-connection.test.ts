import { describe, expect, it, vi } from "vitest";
import { watchSocket, type SocketLike } from "./socket-connection.js";

/** Stands in for a socket.io client socket: the test plays the server's part with `emit`. */
function fakeSocket() {
  const listeners = new Map<string, Array<(...args: any[]) => void>>();
  const socket = {
    connected: false,
    active: true,
    connects: 0,
    disconnects: 0,
    on(event: string, listener: (...args: any[]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    connect() {
      socket.connects++;
    },
    disconnect() {
      socket.disconnects++;
      socket.connected = false;
    },
    removeAllListeners() {
      listeners.clear();
    },
    emit(event: string, ...args: unknown[]) {
      for (const listener of listeners.get(event) ?? []) listener(...args);
    },
    listening: () => listeners.size,
  };
  return socket satisfies SocketLike;
}

describe("watchSocket", () => {
  it("reports connecting, dropping and refusals, and whether socket.io will retry", () => {
    const socket = fakeSocket();
    const handlers = { connected: vi.fn(), disconnected: vi.fn() };
    watchSocket(socket, handlers, {});
    socket.emit("connect");
    expect(handlers.connected).toHaveBeenCalledTimes(1);
    socket.emit("disconnect", "transport close");
    expect(handlers.disconnected).toHaveBeenLastCalledWith(true);
    socket.active = false;
    socket.emit("connect_error", new Error("refused"));
    expect(handlers.disconnected).toHaveBeenLastCalledWith(false);
    // Closing it ourselves is not a drop.
    socket.emit("disconnect", "io client disconnect");
    expect(handlers.disconnected).toHaveBeenCalledTimes(2);
  });

  it("hands each named event's payload to its listener", () => {
    const socket = fakeSocket();
    const message = vi.fn();
    watchSocket(socket, { connected() {}, disconnected() {} }, { message });
    socket.emit("message", { id: "m1" });
    socket.emit("other", { id: "m2" });
    expect(message).toHaveBeenCalledExactlyOnceWith({ id: "m1" });
  });

  it("retries only while not connected, and closes for good", () => {
    const socket = fakeSocket();
    const connection = watchSocket(socket, { connected() {}, disconnected() {} }, { message() {} });
    connection.retry();
    socket.connected = true;
    connection.retry();
    expect(socket.connects).toBe(1);
    connection.close();
    expect(socket.disconnects).toBe(1);
    expect(socket.listening()).toBe(0);
  });
});
