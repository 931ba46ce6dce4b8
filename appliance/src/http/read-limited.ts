/**
 * A fetched answer's body as text, read no further than `maxBytes` (a server sending
 * without end cannot fill the box's memory): past it, the read is cancelled and
 * `tooLarge()` is thrown.
 */
export async function readLimited(res: Response, maxBytes: number, tooLarge: () => Error, signal?: AbortSignal): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    if (signal?.aborted) throw signal.reason;
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
