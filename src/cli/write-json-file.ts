/**
 * summary.json written as a stream: the JSON text goes to the file a chunk at a time (one evaluation item, or a
 * few, per chunk) through a file stream that honours backpressure, so neither the whole text nor its UTF-8 bytes
 * are ever held in memory. The bytes are exactly those of `JSON.stringify(value, null, 2) + "\n"`.
 */
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { jsonTextChunks } from "../core/format/json-text-chunks";

function* withNewline(value: unknown): Generator<string, void, undefined> {
  yield* jsonTextChunks(value, 2);
  yield "\n";
}

/**
 * Writes (truncates) `file`. On failure the stream is destroyed and the error rejects; the caller
 * (OutputFiles.commit) removes the temporary file.
 */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  // highWaterMark 1: the generator runs only as fast as the file takes its chunks.
  await pipeline(Readable.from(withNewline(value), { highWaterMark: 1 }), createWriteStream(file, { flags: "w" }));
}
