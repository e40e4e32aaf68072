package io.hookseal.servlet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body as raw bytes, stopping at {@code limit} bytes whatever
 * {@code Content-Length} or the framing says (docs/receiving.md §1): the buffer grows with
 * the bytes that arrive, never with the length a request announces.
 */
final class BoundedBody {
    private BoundedBody() {}

    /** At most {@code limit} bytes of {@code in}; an I/O error is an unreadable body. */
    static byte[] read(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[16 * 1024];
        long left = limit;
        while (left > 0) {
            int n = in.read(chunk, 0, (int) Math.min(chunk.length, left));
            if (n < 0) break;
            out.write(chunk, 0, n);
            left -= n;
        }
        return out.toByteArray();
    }
}
