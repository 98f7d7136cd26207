import { open, stat } from 'node:fs/promises';

/** llama.cpp's sequence-state file: magic "ggsq", a version, the token list, then the tensors. */
const STATE_MAGIC = 0x67677371;
const KNOWN_VERSIONS = new Set([3]);
const HEADER_BYTES = 12;

/**
 * Checks a state file's structure before llama.cpp reads it: a truncated file aborts llama.cpp
 * while loading, and a token id outside the vocabulary loads, then aborts on detokenize. Main has
 * already checked the checksum and provenance; this is the engine's own line of defence.
 * Returns the number of tokens the state holds, or throws with the reason.
 */
export async function checkStateFile(path: string, vocabularySize: number): Promise<number> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error('the state is not a regular file');
  if (info.size < HEADER_BYTES) throw new Error(`the state is truncated (${info.size} bytes)`);
  const handle = await open(path, 'r');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    await handle.read(header, 0, HEADER_BYTES, 0);
    if (header.readUInt32LE(0) !== STATE_MAGIC) throw new Error('the state file has the wrong magic number');
    const version = header.readUInt32LE(4);
    if (!KNOWN_VERSIONS.has(version)) throw new Error(`the state file has unknown version ${version}`);
    const tokenCount = header.readUInt32LE(8);
    const tokensEnd = HEADER_BYTES + tokenCount * 4;
    // The tensors follow the tokens; a file that ends within or right after them is cut short.
    if (tokensEnd >= info.size) throw new Error(`the state is truncated: ${tokenCount} tokens do not fit`);
    const tokens = Buffer.alloc(tokenCount * 4);
    await handle.read(tokens, 0, tokens.length, HEADER_BYTES);
    for (let i = 0; i < tokenCount; i++) {
      const token = tokens.readInt32LE(i * 4);
      if (token < 0 || token >= vocabularySize) {
        throw new Error(`the state holds token ${token}, outside the model's vocabulary of ${vocabularySize}`);
      }
    }
    return tokenCount;
  } finally {
    await handle.close();
  }
}
