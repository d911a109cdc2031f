// The import file from an HTTP request: a text/csv body, or a multipart form's "file" field (the
// console's upload). Size-limited while reading (413), UTF-8 only (a clear 400 rather than mojibake).
import { AppError } from "@/lib/http/problem";
import { MAX_IMPORT_BYTES } from "./import-columns";

const CSV_TYPES = ["text/csv", "application/csv", "text/plain"];
// Room for the multipart boundaries and part headers around the file itself.
const MULTIPART_OVERHEAD = 65_536;

const tooLarge = () => new AppError("payload_too_large", `An import file may be at most ${MAX_IMPORT_BYTES / 1_048_576} MiB; split it.`);

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge();
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request", "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again.");
  }
}

export async function readImportBody(request: Request): Promise<{ text: string; fileName: string | null }> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (CSV_TYPES.includes(type)) return { text: decode(await readLimited(request, MAX_IMPORT_BYTES)), fileName: null };
  if (type !== "multipart/form-data") throw new AppError("unsupported_media_type", "Send the CSV file as text/csv, or as the \"file\" field of multipart/form-data.");
  const bytes = await readLimited(request, MAX_IMPORT_BYTES + MULTIPART_OVERHEAD);
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": request.headers.get("content-type")! } }).formData();
  } catch {
    throw new AppError("bad_request", "The multipart body could not be read.");
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) throw new AppError("bad_request", "Attach the CSV file as the \"file\" field.", { pointer: "/file" });
  if (file.size > MAX_IMPORT_BYTES) throw tooLarge();
  const fileName = "name" in file && typeof file.name === "string" && file.name ? file.name.slice(0, 200) : null;
  return { text: decode(new Uint8Array(await file.arrayBuffer())), fileName };
}
