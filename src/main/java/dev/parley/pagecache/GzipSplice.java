package dev.parley.pagecache;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip answer made of pieces compressed once and pieces that differ per answer, without compressing the whole
 * page again: each fixed piece is kept as raw DEFLATE ending in a sync flush (so it ends on a byte boundary and
 * refers to nothing before it), each per-answer value goes in as a stored (uncompressed) block, and a gzip
 * header, an empty final block and the trailer close the stream (RFC 1951 §3.2.4, RFC 1952).
 */
final class GzipSplice {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    /** A final stored block of length zero: BFINAL=1, BTYPE=00, LEN=0, NLEN=0xFFFF. */
    private static final byte[] LAST_BLOCK = {1, 0, 0, (byte) 0xff, (byte) 0xff};

    private static final int[] CRC_TABLE = crcTable();

    private GzipSplice() {}

    static byte[] header() {
        return HEADER.clone();
    }

    static byte[] lastBlock() {
        return LAST_BLOCK.clone();
    }

    /** A fixed piece as raw DEFLATE, flushed to a byte boundary and not final. */
    static byte[] deflateFlushed(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(plain);
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
            byte[] chunk = new byte[16384];
            int written;
            do {
                written = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
                out.write(chunk, 0, written);
            } while (written == chunk.length);
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** How many bytes {@link #storedBlock} writes for a value of this length. */
    static int storedLength(int valueLength) {
        return 5 + valueLength;
    }

    /** A non-final stored block holding {@code value} (at most 65,535 bytes) at {@code offset} of {@code out}. */
    static int storedBlock(byte[] value, byte[] out, int offset) {
        int length = value.length;
        out[offset] = 0;
        out[offset + 1] = (byte) length;
        out[offset + 2] = (byte) (length >>> 8);
        out[offset + 3] = (byte) ~length;
        out[offset + 4] = (byte) (~length >>> 8);
        System.arraycopy(value, 0, out, offset + 5, length);
        return offset + 5 + length;
    }

    /** The gzip trailer: CRC-32 and length of the uncompressed data, little-endian. */
    static int trailer(long crc, long length, byte[] out, int offset) {
        for (int i = 0; i < 4; i++) {
            out[offset + i] = (byte) (crc >>> (8 * i));
            out[offset + 4 + i] = (byte) (length >>> (8 * i));
        }
        return offset + 8;
    }

    static long crcOf(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    /**
     * Continues a CRC-32 over more bytes, as zlib's crc32(crc, buf, len) does: the JDK's CRC32 cannot start from
     * a value, and recomputing the large fixed prefix for every answer would cost more than the rest.
     */
    static long crcContinue(long crc, byte[] data) {
        int c = (int) crc ^ 0xffffffff;
        for (byte b : data) {
            c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
        }
        return (c ^ 0xffffffff) & 0xffffffffL;
    }

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
