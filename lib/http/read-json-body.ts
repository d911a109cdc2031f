// Reads a JSON request body with a size limit (413 beyond it) and a media-type check (415).
import { AppError } from "./problem";

export async function readJsonBody(request: Request, options: { maxBytes: number; mediaTypes: string[] }): Promise<unknown> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!options.mediaTypes.includes(type)) {
    throw new AppError("unsupported_media_type", `Send ${options.mediaTypes.join(" or ")}.`);
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  const tooLarge = () => new AppError("payload_too_large", `The body may be at most ${Math.round(options.maxBytes / 1_048_576)} MiB.`);
  if (declared > options.maxBytes) throw tooLarge();
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > options.maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}
