import { constants, type FileHandle, open } from 'node:fs/promises';
import { AppError } from '../../../contract/index.js';
import { corrupt } from './corrupt.js';

const WINDOW_BYTES = 1 << 20;

/**
 * Reads a file front to back through a 1 MiB window, never past its end and never past a
 * deadline: every length a hostile header gives is checked against the bytes that are really
 * left before anything is allocated or skipped, so a claimed 2^31-byte string or 2^28-element
 * array costs a comparison, not memory or minutes.
 */
export class BoundedReader {
  readonly #handle: FileHandle;
  readonly #name: string;
  readonly #size: number;
  readonly #deadline: number;
  readonly #budgetMs: number;
  #window = Buffer.alloc(0);
  #windowStart = 0;
  #position = 0;

  private constructor(handle: FileHandle, name: string, size: number, budgetMs: number) {
    this.#handle = handle;
    this.#name = name;
    this.#size = size;
    this.#budgetMs = budgetMs;
    this.#deadline = performance.now() + budgetMs;
  }

  /**
   * Opens without blocking (O_NONBLOCK: a FIFO swapped in after the caller's stat must not hang
   * the open) and checks, on the opened handle, that it is still a regular file.
   */
  static async open(path: string, name: string, budgetMs: number): Promise<BoundedReader> {
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw AppError.localized('model_invalid', 'errorNotRegularFile', { name }, 'library');
      return new BoundedReader(handle, name, info.size, budgetMs);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  get size(): number {
    return this.#size;
  }

  get position(): number {
    return this.#position;
  }

  get remaining(): number {
    return this.#size - this.#position;
  }

  close(): Promise<void> {
    return this.#handle.close();
  }

  /** Refuses when `bytes` (what `what` claims to take) do not fit in the rest of the file. */
  ensureRoom(bytes: bigint | number, what: string): void {
    if (BigInt(bytes) > BigInt(this.remaining)) {
      throw corrupt(this.#name, `${what} claims ${bytes} bytes, but only ${this.remaining} are left in the file`);
    }
  }

  /** `bytes` bytes at the current position (a view; copy it to keep it past the next read). */
  bytes(bytes: number, what: string): Promise<Buffer> {
    return this.#take(bytes, what);
  }

  async u8(what: string): Promise<number> {
    return (await this.#take(1, what)).readUInt8(0);
  }

  async u32(what: string): Promise<number> {
    return (await this.#take(4, what)).readUInt32LE(0);
  }

  async u64(what: string): Promise<bigint> {
    return (await this.#take(8, what)).readBigUInt64LE(0);
  }

  /** A GGUF string: a u64 length, then that many bytes of UTF-8, refused beyond `maxBytes`. */
  async string(what: string, maxBytes: number, tooLong?: (length: number) => string): Promise<string> {
    const length = await this.#length(what);
    if (length > maxBytes) {
      throw new AppError(
        'model_invalid',
        tooLong?.(length) ??
          corrupt(this.#name, `${what} is ${length} bytes long (at most ${maxBytes} expected)`).message,
      );
    }
    return (await this.#take(length, what)).toString('utf8');
  }

  /** Skips a GGUF string without reading it. */
  async skipString(what: string): Promise<void> {
    await this.skip(await this.#length(what), what);
  }

  async skip(bytes: number, what: string): Promise<void> {
    this.ensureRoom(bytes, what);
    this.#checkTime();
    this.#position += bytes;
  }

  async #length(what: string): Promise<number> {
    const length = await this.u64(`the length of ${what}`);
    this.ensureRoom(length, what);
    return Number(length);
  }

  async #take(bytes: number, what: string): Promise<Buffer> {
    this.ensureRoom(bytes, what);
    const offset = this.#position - this.#windowStart;
    if (offset >= 0 && offset + bytes <= this.#window.length) {
      this.#position += bytes;
      return this.#window.subarray(offset, offset + bytes);
    }
    this.#checkTime();
    if (bytes > WINDOW_BYTES) {
      // Long strings (a vocabulary entry never is; a chat template may be) get their own buffer.
      const buffer = Buffer.alloc(bytes);
      await this.#readFully(buffer, this.#position);
      this.#position += bytes;
      return buffer;
    }
    const length = Math.min(WINDOW_BYTES, this.remaining);
    const window = Buffer.alloc(length);
    await this.#readFully(window, this.#position);
    this.#window = window;
    this.#windowStart = this.#position;
    this.#position += bytes;
    return window.subarray(0, bytes);
  }

  async #readFully(buffer: Buffer, position: number): Promise<void> {
    for (let done = 0; done < buffer.length;) {
      const { bytesRead } = await this.#handle.read(buffer, done, buffer.length - done, position + done);
      if (bytesRead === 0) {
        throw AppError.localized('model_invalid', 'errorChangedWhileRead', { name: this.#name }, 'library');
      }
      done += bytesRead;
    }
  }

  #checkTime(): void {
    if (performance.now() > this.#deadline) {
      throw AppError.localized(
        'model_invalid',
        'errorCheckTooSlow',
        { name: this.#name, seconds: Math.round(this.#budgetMs / 1000) },
        'library',
      );
    }
  }
}
