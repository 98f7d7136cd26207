import { randomBytes } from 'node:crypto';
import { WS_MAX_FRAME_BYTES } from '../../../contract/index.js';

/** Builds one frame from its parts; `mask` false leaves it unmasked (a protocol error from a client). */
function frame(
  firstByte: number,
  payload: Buffer,
  { mask = true, declaredLength }: { mask?: boolean; declaredLength?: bigint } = {},
): Buffer {
  const length = declaredLength ?? BigInt(payload.length);
  let header: Buffer;
  if (length < 126n) header = Buffer.from([firstByte, Number(length)]);
  else if (length < 65_536n) {
    header = Buffer.alloc(4);
    header[0] = firstByte;
    header[1] = 126;
    header.writeUInt16BE(Number(length), 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = firstByte;
    header[1] = 127;
    header.writeBigUInt64BE(length, 2);
  }
  if (!mask) return Buffer.concat([header, payload]);
  header[1] = (header[1] ?? 0) | 0x80;
  const key = randomBytes(4);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ (key[i % 4] ?? 0)));
  return Buffer.concat([header, key, masked]);
}

const FIN = 0x80;
const RSV1 = 0x40;
const TEXT = 0x1;
const CLOSE = 0x8;
const PING = 0x9;
const CONTINUATION = 0x0;

/** The ten malformed frames of issue 10, each as the bytes a hostile client would send. */
export const MALFORMED_FRAMES: readonly { name: string; bytes: () => Buffer }[] = [
  {
    name: 'invalid UTF-8 in a text frame',
    bytes: () => frame(FIN | TEXT, Buffer.from([0x7b, 0xff, 0xfe, 0xfd, 0x7d])),
  },
  { name: 'unmasked text frame', bytes: () => frame(FIN | TEXT, Buffer.from('{}'), { mask: false }) },
  { name: 'reserved opcode 0x3', bytes: () => frame(FIN | 0x3, Buffer.from('x')) },
  { name: 'RSV1 set without an extension', bytes: () => frame(FIN | RSV1 | TEXT, Buffer.from('{}')) },
  { name: 'payload length 2^53', bytes: () => frame(FIN | TEXT, Buffer.alloc(0), { declaredLength: 2n ** 53n }) },
  { name: '200-byte ping', bytes: () => frame(FIN | PING, Buffer.alloc(200, 0x61)) },
  { name: 'fragmented ping (control frame without FIN)', bytes: () => frame(PING, Buffer.from('x')) },
  { name: 'close code 999', bytes: () => frame(FIN | CLOSE, Buffer.from([0x03, 0xe7])) },
  { name: 'continuation without a start', bytes: () => frame(FIN | CONTINUATION, Buffer.from('x')) },
  // Over the host's frame limit, whatever it is (the issue saw 1 MiB; the limit is now 2 MiB).
  {
    name: 'text frame over the frame limit',
    bytes: () => frame(FIN | TEXT, Buffer.alloc(WS_MAX_FRAME_BYTES + 1, 0x20)),
  },
];
