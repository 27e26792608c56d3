// multipart/x-mixed-replace (MJPEG) as SBI STREAM sends it: parts separated by --boundary, each with
// headers and, usually, a Content-Length. Parts without one run to the next boundary.

export interface MjpegFrame {
  type: string;
  body: Buffer;
}

/** Largest single frame accepted; a part that grows past it is a broken stream. */
export const MAX_FRAME_BYTES = 4 * 1024 * 1024;

export function boundaryOf(contentType: string): string | undefined {
  const m = /boundary="?([^";]+)"?/i.exec(contentType);
  return m?.[1]?.replace(/^--/, '');
}

export class MjpegParser {
  private buf: Buffer = Buffer.alloc(0);
  private readonly delimiter: Buffer;
  /** The closing `--boundary--` arrived: the device ended the stream on purpose. */
  finished = false;

  constructor(
    boundary: string,
    private readonly onFrame: (f: MjpegFrame) => void,
  ) {
    this.delimiter = Buffer.from(`--${boundary}`);
  }

  push(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      const start = this.buf.indexOf(this.delimiter);
      if (start < 0) break;
      const headStart = start + this.delimiter.length;
      if (this.buf.length < headStart + 2) break;
      if (this.buf[headStart] === 0x2d && this.buf[headStart + 1] === 0x2d) {
        this.finished = true;
        this.buf = Buffer.alloc(0);
        break;
      }
      const headEnd = this.buf.indexOf('\r\n\r\n', headStart);
      if (headEnd < 0) break;
      const head = this.buf.subarray(headStart, headEnd).toString('latin1');
      const bodyStart = headEnd + 4;
      const length = /content-length:\s*(\d+)/i.exec(head)?.[1];
      let bodyEnd: number;
      if (length !== undefined) {
        bodyEnd = bodyStart + Number(length);
        if (this.buf.length < bodyEnd) break;
      } else {
        const next = this.buf.indexOf(this.delimiter, bodyStart);
        if (next < 0) break;
        bodyEnd = next;
        while (bodyEnd > bodyStart && (this.buf[bodyEnd - 1] === 0x0a || this.buf[bodyEnd - 1] === 0x0d)) bodyEnd--;
      }
      const type = /content-type:\s*([^\r\n;]+)/i.exec(head)?.[1]?.trim() ?? 'image/jpeg';
      this.onFrame({ type, body: Buffer.from(this.buf.subarray(bodyStart, bodyEnd)) });
      this.buf = this.buf.subarray(bodyEnd);
    }
    if (this.buf.length > MAX_FRAME_BYTES) throw new Error('MJPEG part too large');
  }
}
