// Keyed hashes of a scan's network source and device. The key id travels with each hash, so after a
// rotation (new SCAN_HASH_SECRET and SCAN_HASH_KEY_ID) old and new hashes are never mistaken for one
// another; rules compare hashes of the same key only.
import { fingerprint } from "@/lib/privacy/fingerprint";

export interface ScanHasher {
  source(address: string): string;
  device(deviceId: string): string;
}

export function scanHasher(secret: string, keyId: string): ScanHasher {
  return {
    source: (address) => `${keyId}.${fingerprint(secret, "source", address)}`,
    device: (deviceId) => `${keyId}.${fingerprint(secret, "device", deviceId)}`,
  };
}
