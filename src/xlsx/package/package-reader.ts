/**
 * Read-only view of an OPC package (.xlsx / .xlsm) held in memory, through
 * yauzl. Opening checks the central directory: duplicate part names (an
 * ambiguous package), too many entries and declared inflated sizes beyond the
 * limits are refused before any part is inflated. Reading a part counts the
 * inflated bytes (yauzl's validateEntrySizes) so a part that inflates to more
 * than it declared is refused as soon as it passes its declaration.
 *
 * yauzl does not check CRC-32s: every read, scan and raw copy checks the
 * part's CRC-32 against the central directory (a raw copy is inflated once
 * for that), so a damaged part is refused (exit 2) instead of being read as
 * data or copied into the output with the same bad CRC.
 */
import type { Readable } from "node:stream";
import { crc32 } from "node:zlib";
import * as yauzl from "yauzl";
import { DEFAULT_LIMITS, PackageError, formatBytes, type PackageLimits } from "./package-limits";

export interface PackagePart {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  compressionMethod: number;
  entry: yauzl.Entry;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The CRC check's one-line failure. */
export function crcMessage(label: string, part: string): string {
  return `${label}: 部品「${part}」のチェックサム (CRC-32) が合いません。ファイルが壊れています / the part "${part}" fails its CRC-32 check: the file is damaged`;
}

export class PackageReader {
  private readonly byKey = new Map<string, PackagePart>();
  /** Parts whose inflated bytes have matched their CRC-32. */
  private readonly checked = new Set<string>();

  private constructor(
    private readonly zip: yauzl.ZipFile,
    /** Parts in their order in the central directory. */
    readonly parts: PackagePart[],
    readonly label: string,
  ) {
    for (const p of parts) this.byKey.set(p.name.toLowerCase(), p);
  }

  static async open(buffer: Buffer, label: string, limits: PackageLimits = DEFAULT_LIMITS): Promise<PackageReader> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true });
    } catch (e) {
      throw new PackageError(`${label}: ZIP として読めません / not a readable ZIP package (${firstLine(e)})`);
    }
    if (zip.entryCount > limits.maxEntries)
      throw new PackageError(
        `${label}: 部品が多すぎます（${zip.entryCount} 個）/ too many parts in the package (${zip.entryCount} > ${limits.maxEntries})`,
      );
    const parts: PackagePart[] = [];
    const seen = new Set<string>();
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on("error", (e: unknown) =>
        reject(new PackageError(`${label}: ZIP が壊れています / corrupt ZIP package (${firstLine(e)})`)),
      );
      zip.on("end", () => resolve());
      zip.on("entry", (entry: yauzl.Entry) => {
        const name = entry.fileName;
        // Part names compare case-insensitively (ECMA-376 part 2, 6.2.2.3).
        const key = name.toLowerCase();
        if (seen.has(key)) {
          reject(
            new PackageError(
              `${label}: 同じ名前の部品が2つあります（${name}）。どちらが正しいか判断できません / ambiguous package: the part "${name}" appears twice`,
            ),
          );
          return;
        }
        seen.add(key);
        if (entry.uncompressedSize > limits.maxPartBytes) {
          reject(
            new PackageError(
              `${label}: 部品「${name}」が大きすぎます（展開後 ${formatBytes(entry.uncompressedSize)}）/ the part "${name}" inflates to ${formatBytes(entry.uncompressedSize)}, more than the limit of ${formatBytes(limits.maxPartBytes)}`,
            ),
          );
          return;
        }
        total += entry.uncompressedSize;
        if (total > limits.maxTotalBytes) {
          reject(
            new PackageError(
              `${label}: ブックが大きすぎます（展開後 ${formatBytes(total)} 超）/ the package inflates to more than ${formatBytes(limits.maxTotalBytes)}`,
            ),
          );
          return;
        }
        if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
          reject(
            new PackageError(
              `${label}: 対応していない圧縮方式です（${name}）/ unsupported compression method ${entry.compressionMethod} for "${name}"`,
            ),
          );
          return;
        }
        if (entry.isEncrypted()) {
          reject(new PackageError(`${label}: 暗号化された部品があります / the part "${name}" is encrypted`));
          return;
        }
        parts.push({
          name,
          compressedSize: entry.compressedSize,
          uncompressedSize: entry.uncompressedSize,
          crc32: entry.crc32,
          compressionMethod: entry.compressionMethod,
          entry,
        });
        zip.readEntry();
      });
      zip.readEntry();
    });
    return new PackageReader(zip, parts, label);
  }

  has(name: string): boolean {
    return this.byKey.has(name.toLowerCase());
  }

  part(name: string): PackagePart | undefined {
    return this.byKey.get(name.toLowerCase());
  }

  /** The inflated bytes of a part; refused if it inflates beyond its declared size or fails its CRC-32. */
  async read(name: string): Promise<Buffer> {
    const p = this.requirePart(name);
    let bytes: Buffer;
    try {
      bytes = await readAll(await this.zip.openReadStreamPromise(p.entry));
    } catch (e) {
      throw this.corrupt(p, e);
    }
    this.checkCrc(p, crc32(bytes));
    return bytes;
  }

  async readText(name: string): Promise<string> {
    return (await this.read(name)).toString("utf8").replace(/^\uFEFF/, "");
  }

  /**
   * The part's bytes as stored (still compressed), to copy it unchanged. Its CRC-32 is checked first (the
   * output would otherwise carry a damaged part under a CRC that says it is whole).
   */
  async raw(name: string): Promise<Buffer> {
    const p = this.requirePart(name);
    if (!this.checked.has(p.name)) await this.scan(p.name, () => undefined);
    try {
      // a stored (uncompressed) part is already its raw bytes
      const options = p.compressionMethod === 0 ? {} : { decompress: false };
      return await readAll(await this.zip.openReadStreamPromise(p.entry, options));
    } catch (e) {
      throw this.corrupt(p, e);
    }
  }

  /** Inflate a part chunk by chunk (the caller may throw to stop early); the CRC-32 is checked at the end. */
  async scan(name: string, onChunk: (chunk: Buffer) => void): Promise<void> {
    const p = this.requirePart(name);
    let crc = 0;
    let stream: Readable | undefined;
    try {
      stream = await this.zip.openReadStreamPromise(p.entry);
      for await (const chunk of stream) {
        crc = crc32(chunk as Buffer, crc);
        onChunk(chunk as Buffer);
      }
    } catch (e) {
      stream?.destroy();
      if (e instanceof PackageError) throw e;
      throw this.corrupt(p, e);
    }
    this.checkCrc(p, crc);
  }

  /** Check every part's CRC-32 (inflating each once, chunk by chunk). */
  async verifyAll(): Promise<void> {
    for (const p of this.parts) if (!this.checked.has(p.name)) await this.scan(p.name, () => undefined);
  }

  private checkCrc(p: PackagePart, actual: number): void {
    if (actual >>> 0 !== p.crc32 >>> 0) throw new PackageError(crcMessage(this.label, p.name));
    this.checked.add(p.name);
  }

  private corrupt(p: PackagePart, e: unknown): PackageError {
    return new PackageError(
      `${this.label}: 部品「${p.name}」が壊れています / the part "${p.name}" is corrupt (${firstLine(e)})`,
    );
  }

  close(): void {
    this.zip.close();
  }

  private requirePart(name: string): PackagePart {
    const p = this.part(name);
    if (!p) throw new PackageError(`${this.label}: 部品「${name}」がありません / the part "${name}" is missing`);
    return p;
  }
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split("\n")[0]!;
}
