import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../contract/index.js';
import { corrupt } from './corrupt.js';
import { GGML_TYPE_SIZES } from '../../engine/process/ggmlTypeSizes.js';
import { BoundedReader } from './BoundedReader.js';
import { checkHyperParameters } from './checkHyperParameters.js';
import { describeFileType } from './describeFileType.js';

/** Metadata as the screen keeps it: scalars, short numeric arrays, and the length of any other array. */
export type MetaValue = string | number | boolean | readonly number[] | { arrayLength: number };

export interface ScreenResult {
  fileSize: number;
  architecture: string;
  tensorCount: number;
  metadata: ReadonlyMap<string, MetaValue>;
}

/** Bump when the screen refuses something new: stored verdicts from an older screen are redone. */
export const SCREEN_VERSION = 1;

/** Real templates are a few KB to a few tens of KB; the largest seen (tool-calling ones) under 40 KB. */
export const MAX_CHAT_TEMPLATE_BYTES = 128 * 1024;
const MAX_KEY_BYTES = 64 * 1024;
const MAX_TOKEN_BYTES = 64 * 1024;
/** ggml's GGML_MAX_NAME is 64 with the terminating NUL. */
const MAX_TENSOR_NAME_BYTES = 63;
const MAX_DIMS = 4;
/** Numeric arrays up to this length are kept (per-layer head counts); longer ones are skipped. */
const KEPT_ARRAY_LENGTH = 4096;
const DEFAULT_BUDGET_MS = 20_000;

const HEADER_BYTES = 24;
const MIN_TENSOR_INFO_BYTES = 8 + 1 + 4 + 8 + 4 + 8;
const MIN_KV_BYTES = 8 + 1 + 4;

// GGUF value types and their sizes (strings and arrays have none).
const TYPE_SIZES: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const STRING = 8;
const ARRAY = 9;

/**
 * Hearth's own check of a GGUF file, run before any other parser sees it (node-llama-cpp's reader
 * trusts the header's counts; llama.cpp aborts the process on several hyper-parameters). Bounded
 * by the file's size (every count and length is checked against the bytes left before anything is
 * allocated), by its position in the file and by time. Never opens anything but a regular file.
 * Throws `model_invalid` (or `not_found`) with a message that names the file and the fault.
 */
export async function screenModelFile(path: string, budgetMs = DEFAULT_BUDGET_MS): Promise<ScreenResult> {
  const name = basename(path);
  // stat (not open) first: opening a FIFO blocks, reading a device never ends.
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw AppError.localized('not_found', 'errorNoFileAt', { path }, 'library');
    throw AppError.localized('model_invalid', 'errorCannotOpen', { name, why: error.code ?? error.message }, 'library');
  });
  if (!info.isFile()) {
    throw AppError.localized('model_invalid', 'errorNotRegularKind', { name, kind: describeFileType(info) }, 'library');
  }
  if (info.size === 0) throw AppError.localized('model_invalid', 'errorEmptyFile', { name }, 'library');
  if (info.size < HEADER_BYTES) {
    throw AppError.localized('model_invalid', 'errorTruncatedTo', { name, size: info.size }, 'library');
  }

  const reader = await BoundedReader.open(path, name, budgetMs).catch((error: unknown) => {
    if (error instanceof AppError) throw error;
    throw AppError.localized(
      'model_invalid',
      'errorCannotOpen',
      { name, why: (error as NodeJS.ErrnoException).code ?? String(error) },
      'library',
    );
  });
  try {
    return await readFile(reader, name);
  } finally {
    await reader.close();
  }
}

async function readFile(reader: BoundedReader, name: string): Promise<ScreenResult> {
  const magic = Buffer.from([
    await reader.u8('magic'),
    await reader.u8('magic'),
    await reader.u8('magic'),
    await reader.u8('magic'),
  ]);
  if (magic.toString('latin1') !== 'GGUF') {
    throw AppError.localized(
      'model_invalid',
      'errorBadMagic',
      { name, magic: JSON.stringify(magic.toString('latin1')) },
      'library',
    );
  }
  const version = await reader.u32('the version');
  if (version !== 2 && version !== 3) {
    throw AppError.localized('model_invalid', 'errorGgufVersion', { name, version }, 'library');
  }
  const tensorCount = await reader.u64('the tensor count');
  const kvCount = await reader.u64('the metadata count');
  if (
    tensorCount * BigInt(MIN_TENSOR_INFO_BYTES) > BigInt(reader.remaining) ||
    kvCount * BigInt(MIN_KV_BYTES) > BigInt(reader.remaining)
  ) {
    throw AppError.localized(
      'model_invalid',
      'errorHeaderClaimsTooMuch',
      { name, tensors: String(tensorCount), keys: String(kvCount), size: reader.size },
      'library',
    );
  }

  const metadata = new Map<string, MetaValue>();
  for (let index = 0; index < Number(kvCount); index++) {
    const key = await reader.string(`metadata key #${index + 1}`, MAX_KEY_BYTES);
    if (metadata.has(key)) throw corrupt(name, `the metadata key ${key} appears twice`);
    metadata.set(key, await readValue(reader, name, key));
  }

  const architecture = metadata.get('general.architecture');
  if (typeof architecture !== 'string' || architecture === '') {
    throw AppError.localized('model_invalid', 'errorNoArchitecture', { name }, 'library');
  }
  const alignment = readAlignment(name, metadata.get('general.alignment'));
  checkHyperParameters(name, architecture, metadata);

  const tensors = await readTensorTable(reader, name, Number(tensorCount));
  checkTensorData(name, tensors, Math.ceil(reader.position / alignment) * alignment, alignment, reader.size);
  return { fileSize: reader.size, architecture, tensorCount: tensors.length, metadata };
}

async function readValue(reader: BoundedReader, name: string, key: string): Promise<MetaValue> {
  const type = await reader.u32(`the type of ${key}`);
  if (type === ARRAY) return readArray(reader, name, key);
  return readScalar(reader, name, key, type);
}

async function readScalar(reader: BoundedReader, name: string, key: string, type: number): Promise<MetaValue> {
  if (type === STRING) {
    if (isChatTemplateKey(key)) {
      return reader.string(
        `the chat template (${key})`,
        MAX_CHAT_TEMPLATE_BYTES,
        (length) =>
          `${name} has a chat template of ${length} bytes; Hearth refuses templates over ` +
          `${MAX_CHAT_TEMPLATE_BYTES / 1024} KiB (a template is a program run for every turn).`,
      );
    }
    return reader.string(`the value of ${key}`, MAX_KEY_BYTES * 16);
  }
  const size = TYPE_SIZES[type];
  if (size === undefined) throw corrupt(name, `${key} has an unknown value type ${type}`);
  return decodeNumber(await reader.bytes(size, key), type);
}

/** One GGUF number (or bool) from its little-endian bytes. */
function decodeNumber(bytes: Buffer, type: number): number | boolean {
  switch (type) {
    case 0:
      return bytes.readUInt8(0);
    case 1:
      return bytes.readInt8(0);
    case 2:
      return bytes.readUInt16LE(0);
    case 3:
      return bytes.readInt16LE(0);
    case 4:
      return bytes.readUInt32LE(0);
    case 5:
      return bytes.readInt32LE(0);
    case 6:
      return bytes.readFloatLE(0);
    case 7:
      return bytes.readUInt8(0) !== 0;
    case 10:
      return Number(bytes.readBigUInt64LE(0));
    case 11:
      return Number(bytes.readBigInt64LE(0));
    default:
      return bytes.readDoubleLE(0);
  }
}

async function readArray(reader: BoundedReader, name: string, key: string): Promise<MetaValue> {
  const type = await reader.u32(`the element type of ${key}`);
  const count = await reader.u64(`the length of ${key}`);
  const size = TYPE_SIZES[type];
  if (type === STRING) {
    reader.ensureRoom(count * 8n, `the array ${key} (${count} strings)`);
    return readStringArray(reader, name, key, Number(count));
  }
  if (type === ARRAY) throw corrupt(name, `${key} is an array of arrays, which llama.cpp does not read`);
  if (size === undefined) throw corrupt(name, `${key} has an unknown element type ${type}`);
  reader.ensureRoom(count * BigInt(size), `the array ${key} (${count} elements)`);
  const length = Number(count);
  if (type !== 7 && length <= KEPT_ARRAY_LENGTH) {
    const values: number[] = [];
    for (let i = 0; i < length; i++) values.push(Number(decodeNumber(await reader.bytes(size, key), type)));
    return values;
  }
  await reader.skip(length * size, `the array ${key}`);
  return { arrayLength: length };
}

/** Reads a string array; the vocabulary's texts must be unique (llama.cpp asserts it). */
async function readStringArray(reader: BoundedReader, name: string, key: string, count: number): Promise<MetaValue> {
  if (key !== 'tokenizer.ggml.tokens') {
    for (let i = 0; i < count; i++) await reader.skipString(`element #${i} of ${key}`);
    return { arrayLength: count };
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const token = await reader.string(`token #${i}`, MAX_TOKEN_BYTES);
    const earlier = seen.get(token);
    if (earlier !== undefined) {
      throw AppError.localized(
        'model_invalid',
        'errorDuplicateToken',
        { name, first: earlier, second: i, token: JSON.stringify(token.slice(0, 40)) },
        'library',
      );
    }
    seen.set(token, i);
  }
  return { arrayLength: count };
}

function isChatTemplateKey(key: string): boolean {
  return key === 'tokenizer.chat_template' || key.startsWith('tokenizer.chat_template.');
}

function readAlignment(name: string, value: MetaValue | undefined): number {
  if (value === undefined) return 32;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || (value & (value - 1)) !== 0) {
    throw corrupt(name, `general.alignment is ${JSON.stringify(value)}; it must be a power of two greater than 0`);
  }
  return value;
}

interface TensorEntry {
  name: string;
  bytes: bigint;
  offset: bigint;
}

async function readTensorTable(reader: BoundedReader, name: string, count: number): Promise<TensorEntry[]> {
  const tensors: TensorEntry[] = [];
  const names = new Set<string>();
  for (let index = 0; index < count; index++) {
    try {
      const tensor = await readTensorInfo(reader, index);
      if (names.has(tensor.name)) throw new Error(`the name ${tensor.name} is used twice`);
      names.add(tensor.name);
      tensors.push(tensor);
    } catch (error) {
      const detail =
        error instanceof AppError ? error.message.replace(`${name} is corrupt: `, '') : (error as Error).message;
      throw corrupt(
        name,
        `its header claims ${count} tensors, but entry #${index + 1} of the tensor table is not valid (${detail})`,
      );
    }
  }
  return tensors;
}

async function readTensorInfo(reader: BoundedReader, index: number): Promise<TensorEntry> {
  const name = await reader.string(`the name of tensor #${index + 1}`, 1 << 16);
  if (name === '' || Buffer.byteLength(name) > MAX_TENSOR_NAME_BYTES || /\p{Cc}/u.test(name)) {
    throw new Error(`the name ${JSON.stringify(name.slice(0, 70))} is not a tensor name`);
  }
  const dims = await reader.u32(`the dimension count of ${name}`);
  if (dims < 1 || dims > MAX_DIMS) throw new Error(`${name} has ${dims} dimensions (1 to ${MAX_DIMS} allowed)`);
  let values = 1n;
  let first = 0n;
  for (let d = 0; d < dims; d++) {
    const size = await reader.u64(`a dimension of ${name}`);
    if (size === 0n || size >= 1n << 62n) throw new Error(`${name} has a dimension of ${size}`);
    if (d === 0) first = size;
    values *= size;
    if (values >= 1n << 62n) throw new Error(`${name} has more elements than any file can hold`);
  }
  const type = await reader.u32(`the type of ${name}`);
  const traits = GGML_TYPE_SIZES.get(type);
  if (!traits) throw new Error(`${name} has an unknown tensor type ${type}`);
  if (first % BigInt(traits.blockValues) !== 0n)
    throw new Error(`${name}'s first dimension is not a multiple of its block size`);
  const offset = await reader.u64(`the offset of ${name}`);
  return { name, offset, bytes: (values / BigInt(traits.blockValues)) * BigInt(traits.blockBytes) };
}

/** Every tensor aligned, inside the file, and none overlapping another. */
function checkTensorData(
  name: string,
  tensors: TensorEntry[],
  dataOffset: number,
  alignment: number,
  fileSize: number,
): void {
  if (dataOffset > fileSize && tensors.length > 0)
    throw AppError.localized('model_invalid', 'errorEndsBeforeData', { name }, 'library');
  const sorted = [...tensors].sort((a, b) => (a.offset < b.offset ? -1 : a.offset > b.offset ? 1 : 0));
  let end = 0n;
  for (const tensor of sorted) {
    if (tensor.offset % BigInt(alignment) !== 0n) {
      throw corrupt(name, `tensor ${tensor.name} is not aligned to ${alignment} bytes`);
    }
    if (tensor.offset < end) throw corrupt(name, `tensor ${tensor.name} overlaps another tensor`);
    end = tensor.offset + tensor.bytes;
    const start = BigInt(dataOffset) + tensor.offset;
    if (start + tensor.bytes > BigInt(fileSize)) {
      throw AppError.localized(
        'model_invalid',
        'errorTensorPastEnd',
        { name, tensor: tensor.name, start: String(start), end: String(start + tensor.bytes), size: fileSize },
        'library',
      );
    }
  }
}
