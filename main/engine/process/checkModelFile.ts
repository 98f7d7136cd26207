import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { readGgufFileInfo, type GgufFileInfo } from 'node-llama-cpp';
import { AppError } from '../../../contract/index.js';
import { GGML_TYPE_SIZES } from './ggmlTypeSizes.js';

const HEADER_BYTES = 24; // magic, version, tensor count (u64), key/value count (u64)
const MIN_TENSOR_INFO_BYTES = 8 + 1 + 4 + 8 + 4 + 8; // name length, 1-char name, n_dims, 1 dim, type, offset
const MIN_KV_BYTES = 8 + 1 + 4; // key length, 1-char key, value type

/**
 * Checks a model file before llama.cpp sees it. llama.cpp aborts the whole process on several
 * malformed headers, and node-llama-cpp's GGUF reader trusts the header's counts (an absurd count
 * made it allocate gigabytes), so the counts are bounded by the file's size first, then the
 * metadata is read, then every tensor must lie inside the file.
 */
export async function checkModelFile(path: string): Promise<{ fileInfo: GgufFileInfo; fileSize: number }> {
  const name = basename(path);
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new AppError('not_found', `The model file ${name} cannot be opened (${error.code ?? error.message}).`);
  });
  if (!info.isFile()) throw new AppError('model_invalid', `${name} is not a regular file.`);
  if (info.size === 0) throw new AppError('model_invalid', `${name} is empty (0 bytes).`);
  if (info.size < HEADER_BYTES) throw new AppError('model_invalid', `${name} is truncated: only ${info.size} bytes.`);

  const header = Buffer.alloc(HEADER_BYTES);
  const handle = await open(path, 'r');
  try {
    await handle.read(header, 0, HEADER_BYTES, 0);
  } finally {
    await handle.close();
  }
  const magic = header.toString('latin1', 0, 4);
  if (magic !== 'GGUF') {
    throw new AppError('model_invalid', `${name} is not a GGUF model: bad magic bytes ${JSON.stringify(magic)}.`);
  }
  const version = header.readUInt32LE(4);
  if (version !== 2 && version !== 3) {
    throw new AppError('model_invalid', `${name} uses GGUF version ${version}; Hearth reads versions 2 and 3.`);
  }
  const tensorCount = header.readBigUInt64LE(8);
  const kvCount = header.readBigUInt64LE(16);
  const room = BigInt(info.size - HEADER_BYTES);
  if (tensorCount * BigInt(MIN_TENSOR_INFO_BYTES) > room || kvCount * BigInt(MIN_KV_BYTES) > room) {
    throw new AppError(
      'model_invalid',
      `${name} has a corrupt header: it claims ${tensorCount} tensors and ${kvCount} metadata keys, ` +
        `more than a ${info.size}-byte file can hold.`,
    );
  }

  let fileInfo: GgufFileInfo;
  try {
    fileInfo = await readGgufFileInfo(path, { readTensorInfo: true, logWarnings: false, spliceSplitFiles: false });
  } catch (error) {
    throw new AppError('model_invalid', `${name} has unreadable metadata: ${(error as Error).message}`);
  }
  if (!fileInfo.metadata.general?.architecture) {
    throw new AppError('model_invalid', `${name} does not name its architecture (general.architecture is missing).`);
  }
  checkTensorExtents(name, fileInfo, info.size);
  return { fileInfo, fileSize: info.size };
}

function checkTensorExtents(name: string, fileInfo: GgufFileInfo, fileSize: number): void {
  for (const tensor of fileInfo.tensorInfo ?? []) {
    const start = Number(tensor.fileOffset);
    const traits = GGML_TYPE_SIZES.get(tensor.ggmlType);
    const values = tensor.dimensions.reduce<number>((product, dim) => product * Number(dim), 1);
    const bytes = traits ? Math.ceil(values / traits.blockValues) * traits.blockBytes : 0;
    if (start + bytes > fileSize) {
      throw new AppError(
        'model_invalid',
        `${name} is truncated: tensor ${tensor.name} needs bytes ${start}–${start + bytes} ` +
          `but the file ends at ${fileSize}.`,
      );
    }
  }
}
