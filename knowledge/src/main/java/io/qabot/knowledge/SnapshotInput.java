package io.qabot.knowledge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link SnapshotOutput} wrote, from a buffer: arrays in bulk (a restart decodes
 * millions of postings), and every count checked against the bytes left, so a damaged count
 * is an exception, never an allocation of gigabytes. Running past the end throws
 * {@link java.nio.BufferUnderflowException}; a count that cannot be, {@link IllegalArgumentException}.
 */
final class SnapshotInput {
    private final ByteBuffer buffer;

    SnapshotInput(ByteBuffer buffer) {
        this.buffer = buffer.slice().order(ByteOrder.BIG_ENDIAN);
    }

    int remaining() {
        return buffer.remaining();
    }

    /** A count of things at least {@code bytesEach} long each. */
    int count(int bytesEach) {
        int n = buffer.getInt();
        if (n < 0 || (long) n * bytesEach > buffer.remaining()) {
            throw new IllegalArgumentException("a count of " + n + " with " + buffer.remaining() + " bytes left");
        }
        return n;
    }

    int count() {
        return count(1);
    }

    int readInt() {
        return buffer.getInt();
    }

    long readLong() {
        return buffer.getLong();
    }

    float readFloat() {
        return buffer.getFloat();
    }

    double readDouble() {
        return buffer.getDouble();
    }

    boolean readBoolean() {
        byte b = buffer.get();
        if (b != 0 && b != 1) {
            throw new IllegalArgumentException("a flag of " + b);
        }
        return b == 1;
    }

    String string() {
        byte[] bytes = new byte[count()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    int[] ints() {
        int[] values = new int[count(Integer.BYTES)];
        buffer.asIntBuffer().get(values);
        buffer.position(buffer.position() + values.length * Integer.BYTES);
        return values;
    }

    float[] floats() {
        float[] values = new float[count(Float.BYTES)];
        buffer.asFloatBuffer().get(values);
        buffer.position(buffer.position() + values.length * Float.BYTES);
        return values;
    }

    double[] doubles() {
        double[] values = new double[count(Double.BYTES)];
        buffer.asDoubleBuffer().get(values);
        buffer.position(buffer.position() + values.length * Double.BYTES);
        return values;
    }

    /** The next {@code length} bytes as a buffer of their own, skipped here. */
    ByteBuffer bytes(int length) {
        ByteBuffer part = buffer.slice(buffer.position(), length);
        buffer.position(buffer.position() + length);
        return part;
    }
}
