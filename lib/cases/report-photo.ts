// Where a consumer report's photo lives on disk and how it may be served. The storage key comes from our
// own database, but it still names a file: only the shape the report form writes (uploads/<uuid>.<ext>)
// is ever joined to the data folder, so no stored value can point outside it.
import path from "node:path";

const KEY = /^uploads\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|png|webp)$/;

/** The media types the report form accepts (checked by their bytes on the way in), by file extension. */
const mediaTypes = { jpg: "image/jpeg", png: "image/png", webp: "image/webp" } as const;

export interface StoredPhoto {
  key: string;
  mediaType: string;
}

/** The photo's absolute path and media type, or null when the stored entry is not one the form wrote. */
export function reportPhotoFile(dataDir: string, photo: StoredPhoto): { file: string; mediaType: string; extension: string } | null {
  const match = KEY.exec(photo.key);
  if (!match) return null;
  const extension = match[1] as keyof typeof mediaTypes;
  if (mediaTypes[extension] !== photo.mediaType) return null;
  const root = path.resolve(dataDir);
  const file = path.resolve(root, photo.key);
  if (!file.startsWith(root + path.sep)) return null;
  return { file, mediaType: mediaTypes[extension], extension };
}

/** Headers for serving a photo someone uploaded: never sniffed, never active content, cached privately. */
export function reportPhotoHeaders(mediaType: string, bytes: number, filename: string): Record<string, string> {
  return {
    "content-type": mediaType,
    "content-length": String(bytes),
    "content-disposition": `inline; filename="${filename}"`,
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "cross-origin-resource-policy": "same-origin",
    "cache-control": "private, max-age=3600",
  };
}
