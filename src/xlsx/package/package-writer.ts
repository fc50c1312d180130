/**
 * Writes an OPC package with fflate: parts copied from the input go in as
 * their stored (compressed) bytes with their original CRC, so they are the
 * same bytes, not a re-compression; new and edited parts are deflated by
 * Node's zlib (native; several times faster than a JavaScript deflate on the
 * multi-megabyte sheets of a large list).
 */
import { crc32, deflateRawSync } from "node:zlib";
import { Zip, type ZipInputFile, type AsyncFlateStreamHandler } from "fflate";

export type OutputPart =
  | { name: string; raw: { bytes: Uint8Array; crc32: number; size: number; method: number } }
  | { name: string; data: Uint8Array };

/** A part whose compressed bytes are already known (fflate's documented ZipInputFile extension point). */
class StoredPart implements ZipInputFile {
  ondata?: AsyncFlateStreamHandler;
  readonly filename: string;
  readonly size: number;
  readonly crc: number;
  readonly compression: number;
  constructor(
    name: string,
    private readonly raw: { bytes: Uint8Array; crc32: number; size: number; method: number },
  ) {
    this.filename = name;
    this.size = raw.size;
    this.crc = raw.crc32;
    this.compression = raw.method;
  }
  emit(): void {
    this.ondata!(null, this.raw.bytes as Uint8Array<ArrayBuffer>, true);
  }
}

/** `level`: deflate level of new and edited parts (a package only read back at once needs no more than 1). */
export function writePackage(parts: OutputPart[], options: { level?: 1 | 6 } = {}): Buffer {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else if (chunk) chunks.push(chunk);
  });
  const seen = new Set<string>();
  for (const p of parts) {
    const key = p.name.toLowerCase();
    if (seen.has(key)) throw new Error(`internal: the part "${p.name}" would be written twice`);
    seen.add(key);
    if ("raw" in p) {
      const f = new StoredPart(p.name, p.raw);
      zip.add(f);
      f.emit();
    } else {
      const f = new StoredPart(p.name, {
        bytes: deflateRawSync(p.data, { level: options.level ?? 6 }),
        crc32: crc32(p.data),
        size: p.data.length,
        method: 8,
      });
      zip.add(f);
      f.emit();
    }
    if (failure) throw failure;
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}
