package dev.parley.pagecache;

import dev.parley.web.SharedRendering.Hole;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One rendering of a page that every anonymous reader shares: the fixed pieces, plain and pre-compressed, and the
 * holes between them where each answer puts its own values. Immutable; built once per change of the thread.
 */
final class SharedPage {

    private final byte[][] plain;
    private final byte[][] deflated;
    private final Hole[] holes;
    /** CRC-32 of the first fixed piece, by far the largest: the rest is summed per answer. */
    private final long firstCrc;

    private final long plainLength;
    private final long deflatedLength;
    /** A hash of the rendering with its placeholders: the same for every reader until the page changes. */
    final String contentHash;

    /**
     * When it was rendered, to the second (HTTP dates have no finer unit): its Last-Modified. Always later than the
     * rendering it replaces ({@link #laterThan}), so that a browser's date never matches a page changed within the
     * same second.
     */
    volatile java.time.Instant renderedAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    void laterThan(SharedPage replaced) {
        if (!renderedAt.isAfter(replaced.renderedAt)) {
            renderedAt = replaced.renderedAt.plusSeconds(1);
        }
    }

    private SharedPage(List<byte[]> plain, List<Hole> holes) {
        this.plain = plain.toArray(byte[][]::new);
        this.holes = holes.toArray(Hole[]::new);
        this.deflated = new byte[this.plain.length][];
        long plainBytes = 0;
        long deflatedBytes = 0;
        for (int i = 0; i < this.plain.length; i++) {
            deflated[i] = GzipSplice.deflateFlushed(this.plain[i]);
            plainBytes += this.plain[i].length;
            deflatedBytes += deflated[i].length;
        }
        this.plainLength = plainBytes;
        this.deflatedLength = deflatedBytes;
        this.firstCrc = GzipSplice.crcOf(this.plain[0]);
        this.contentHash = hashOf(this.plain, this.holes);
    }

    /** Splits a rendering at its placeholders. */
    static SharedPage of(String html) {
        List<byte[]> pieces = new ArrayList<>();
        List<Hole> holes = new ArrayList<>();
        int from = 0;
        while (true) {
            int next = -1;
            Hole found = null;
            for (Hole hole : Hole.values()) {
                int at = html.indexOf(hole.placeholder(), from);
                if (at >= 0 && (next < 0 || at < next)) {
                    next = at;
                    found = hole;
                }
            }
            if (found == null) {
                pieces.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
                return new SharedPage(pieces, holes);
            }
            pieces.add(html.substring(from, next).getBytes(StandardCharsets.UTF_8));
            holes.add(found);
            from = next + found.placeholder().length();
        }
    }

    /** Whether answers carry this per-visitor value. */
    boolean has(Hole hole) {
        for (Hole h : holes) {
            if (h == hole) {
                return true;
            }
        }
        return false;
    }

    /** What the cache holds for this page, roughly: both forms of the fixed pieces. */
    long bytes() {
        return plainLength + deflatedLength + 64L * plain.length;
    }

    /** The page as sent without compression, without copying the kept pieces (the answer from memory). */
    io.vertx.core.buffer.Buffer plainBuffer(Map<Hole, byte[]> values) {
        byte[][] parts = new byte[plain.length * 2 - 1][];
        for (int i = 0; i < plain.length; i++) {
            if (i > 0) {
                parts[2 * i - 1] = values.get(holes[i - 1]);
            }
            parts[2 * i] = plain[i];
        }
        return io.vertx.core.buffer.Buffer.buffer(io.netty.buffer.Unpooled.wrappedBuffer(parts));
    }

    /** The gzip stream, without copying the kept pieces (the answer from memory). */
    io.vertx.core.buffer.Buffer gzipBuffer(Map<Hole, byte[]> values) {
        byte[][] parts = new byte[deflated.length * 2 + 1][];
        parts[0] = GzipSplice.header();
        long crc = firstCrc;
        long uncompressed = plainLength;
        int n = 1;
        for (int i = 0; i < deflated.length; i++) {
            if (i > 0) {
                byte[] value = values.get(holes[i - 1]);
                byte[] block = new byte[GzipSplice.storedLength(value.length)];
                GzipSplice.storedBlock(value, block, 0);
                parts[n++] = block;
                crc = GzipSplice.crcContinue(crc, value);
                crc = GzipSplice.crcContinue(crc, plain[i]);
                uncompressed += value.length;
            }
            parts[n++] = deflated[i];
        }
        byte[] end = new byte[5 + 8];
        System.arraycopy(GzipSplice.lastBlock(), 0, end, 0, 5);
        GzipSplice.trailer(crc, uncompressed, end, 5);
        parts[n] = end;
        return io.vertx.core.buffer.Buffer.buffer(io.netty.buffer.Unpooled.wrappedBuffer(parts));
    }

    private static String hashOf(byte[][] pieces, Hole[] holes) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < pieces.length; i++) {
                if (i > 0) {
                    sha.update((byte) 0);
                    sha.update((byte) holes[i - 1].ordinal());
                }
                sha.update(pieces[i]);
            }
            return java.util.HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
