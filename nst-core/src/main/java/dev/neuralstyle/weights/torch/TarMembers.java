package dev.neuralstyle.weights.torch;

import dev.neuralstyle.NstException;
import dev.neuralstyle.weights.tensor.FileRegions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lists the regular members of an uncompressed (ustar or PAX) tar file as byte ranges, without
 * copying them. PAX extended headers may override a member's path and size; global headers are
 * skipped.
 */
final class TarMembers {
  /** A member's data: file offset and length in bytes. */
  record Member(long offset, long size) {}

  private static final int MAX_MEMBERS = 10_000;

  private TarMembers() {}

  static Map<String, Member> list(Path file, FileChannel ch) throws IOException {
    Map<String, Member> members = new LinkedHashMap<>();
    long pos = 0;
    long size = ch.size();
    String paxPath = null;
    long paxSize = -1;
    while (pos + 512 <= size && members.size() < MAX_MEMBERS) {
      ByteBuffer h = FileRegions.read(ch, pos, 512);
      if (isZero(h)) {
        break;
      }
      String name = text(h, 0, 100);
      String prefix = text(h, 345, 155);
      long length = paxSize >= 0 ? paxSize : octal(file, h, 124, 12);
      char type = (char) h.get(156);
      long data = pos + 512;
      if (length < 0 || length > size - data) {
        throw new NstException(
            "weights file "
                + file
                + " is a truncated tar archive: member "
                + name
                + " needs "
                + length
                + " bytes at byte "
                + data
                + ", file has "
                + size);
      }
      if (type == 'x') {
        String pax = new String(FileRegions.read(ch, data, length).array(), StandardCharsets.UTF_8);
        paxPath = paxValue(pax, "path");
        String s = paxValue(pax, "size");
        paxSize = s == null ? -1 : number(file, s);
      } else {
        if (type == '0' || type == '\0') {
          String full = paxPath != null ? paxPath : prefix.isEmpty() ? name : prefix + "/" + name;
          members.put(full, new Member(data, length));
        }
        paxPath = null;
        paxSize = -1;
      }
      pos = data + (length + 511) / 512 * 512;
    }
    return members;
  }

  private static boolean isZero(ByteBuffer h) {
    for (int i = 0; i < 512; i++) {
      if (h.get(i) != 0) {
        return false;
      }
    }
    return true;
  }

  private static String text(ByteBuffer h, int at, int len) {
    int end = at;
    while (end < at + len && h.get(end) != 0) {
      end++;
    }
    byte[] b = new byte[end - at];
    h.get(at, b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static long number(Path file, String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw new NstException("weights file " + file + " has a corrupt PAX size '" + s + "'");
    }
  }

  private static long octal(Path file, ByteBuffer h, int at, int len) {
    String s = text(h, at, len).trim();
    try {
      return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    } catch (NumberFormatException e) {
      throw new NstException(
          "weights file "
              + file
              + " has a corrupt tar header (size field '"
              + Pickled.printable(s, 40)
              + "')");
    }
  }

  private static String paxValue(String pax, String key) {
    for (String line : pax.split("\n")) {
      int sp = line.indexOf(' ');
      if (sp > 0 && line.startsWith(key + "=", sp + 1)) {
        return line.substring(sp + 2 + key.length());
      }
    }
    return null;
  }
}
