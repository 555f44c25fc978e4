package io.zrefresh.devserver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Frames a response body with chunked transfer encoding. Each write becomes one chunk, so callers should write
 * in blocks (Jackson's generator buffers about 8 KB). {@link #finish()} ends the body; the connection stays open.
 */
final class ChunkedOutputStream extends OutputStream {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final OutputStream out;

    ChunkedOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return; // a zero-length chunk would end the body
        }
        out.write(Integer.toHexString(length).getBytes(StandardCharsets.ISO_8859_1));
        out.write(CRLF);
        out.write(bytes, offset, length);
        out.write(CRLF);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Writes the last chunk; the underlying stream is left open for the next response. */
    void finish() throws IOException {
        out.write(LAST_CHUNK);
    }
}
