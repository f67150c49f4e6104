package dev.neuralstyle.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes a zip archive the way PyTorch's writer does (WEIGHT-FORMATS section 2): STORED entries
 * with flag 0x0808, zero CRC and sizes in the local headers, data padded to 64-byte boundaries with
 * an {@code FB} extra field of {@code Z}s, a {@code PK 07 08} descriptor after each entry, then the
 * central directory with the true values. (No zip64 records: the fixtures are tiny.)
 */
final class StoredZip {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final List<byte[]> central = new ArrayList<>();
  private int count;

  // le() allocates heap buffers at offset 0, so array() is exactly the buffer's bytes.
  @SuppressWarnings("ByteBufferBackingArray")
  void add(String name, byte[] data) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(data);
    int offset = out.size();
    int pad = (64 - (offset + 30 + n.length + 4) % 64) % 64;
    ByteBuffer local = le(30 + n.length + 4 + pad);
    local
        .putInt(0x04034b50)
        .putShort((short) 20)
        .putShort((short) 0x0808)
        .putShort((short) 0)
        .putShort((short) 0)
        .putShort((short) 0)
        .putInt(0)
        .putInt(0)
        .putInt(0)
        .putShort((short) n.length)
        .putShort((short) (4 + pad))
        .put(n)
        .putShort((short) 0x4246)
        .putShort((short) pad);
    for (int i = 0; i < pad; i++) {
      local.put((byte) 'Z');
    }
    out.writeBytes(local.array());
    out.writeBytes(data);
    out.writeBytes(
        le(16)
            .putInt(0x08074b50)
            .putInt((int) crc.getValue())
            .putInt(data.length)
            .putInt(data.length)
            .array());
    ByteBuffer c = le(46 + n.length);
    c.putInt(0x02014b50)
        .putShort((short) 20)
        .putShort((short) 20)
        .putShort((short) 0x0808)
        .putShort((short) 0)
        .putShort((short) 0)
        .putShort((short) 0)
        .putInt((int) crc.getValue())
        .putInt(data.length)
        .putInt(data.length)
        .putShort((short) n.length)
        .putShort((short) 0)
        .putShort((short) 0)
        .putShort((short) 0)
        .putShort((short) 0)
        .putInt(0)
        .putInt(offset)
        .put(n);
    central.add(c.array());
    count++;
  }

  byte[] finish() {
    int start = out.size();
    central.forEach(out::writeBytes);
    int size = out.size() - start;
    out.writeBytes(
        le(22)
            .putInt(0x06054b50)
            .putShort((short) 0)
            .putShort((short) 0)
            .putShort((short) count)
            .putShort((short) count)
            .putInt(size)
            .putInt(start)
            .putShort((short) 0)
            .array());
    return out.toByteArray();
  }

  private static ByteBuffer le(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
  }
}
