package dev.neuralstyle.features;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a TorchScript archive (the zip that {@code torch.jit.load} reads) for a module that has no
 * parameters or buffers of its own: one class {@code __torch__.<name>} whose source is compiled by
 * libtorch when the archive is loaded.
 *
 * <p>The archive holds, under one top-level folder: {@code code/__torch__.py} (the class source),
 * {@code data.pkl} (the module object: a pickle, protocol 2, that creates an instance of the class
 * and sets its only attribute, {@code training}), {@code constants.pkl} (an empty tuple, since the
 * source has no tensor constants) and {@code version} (file-format version 3, which libtorch
 * accepts without operator upgraders for the operators used here). Entries are stored uncompressed,
 * as PyTorch writes them.
 */
final class TorchScriptArchive {
  private static final int FORMAT_VERSION = 3;

  private TorchScriptArchive() {}

  /**
   * Writes {@code file}. {@code classSource} must define {@code class <className>(Module):} with
   * the attribute declaration {@code training : bool} and no parameters or buffers.
   */
  static void write(Path file, String className, String classSource) throws IOException {
    String root = "archive/";
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      stored(zip, root + "data.pkl", moduleObjectPickle(className));
      stored(zip, root + "code/__torch__.py", classSource.getBytes(StandardCharsets.UTF_8));
      stored(zip, root + "constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
      stored(zip, root + "version", (FORMAT_VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
    }
  }

  /**
   * {@code PROTO 2; GLOBAL '__torch__' '<className>'; EMPTY_TUPLE; NEWOBJ; EMPTY_DICT; MARK;
   * 'training' False; SETITEMS; BUILD; STOP}: a new instance with {@code training = False}.
   */
  private static byte[] moduleObjectPickle(String className) {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    p.write(0x80); // PROTO
    p.write(2);
    p.write('c'); // GLOBAL module\nname\n
    p.writeBytes(("__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII));
    p.write(')'); // EMPTY_TUPLE
    p.write(0x81); // NEWOBJ
    p.write('}'); // EMPTY_DICT
    p.write('('); // MARK
    binUnicode(p, "training");
    p.write(0x89); // NEWFALSE
    p.write('u'); // SETITEMS
    p.write('b'); // BUILD
    p.write('.'); // STOP
    return p.toByteArray();
  }

  private static void binUnicode(ByteArrayOutputStream p, String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    p.write('X'); // BINUNICODE, 4-byte little-endian length
    for (int shift = 0; shift < 32; shift += 8) {
      p.write((utf8.length >>> shift) & 0xff);
    }
    p.writeBytes(utf8);
  }

  private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(bytes.length);
    entry.setCompressedSize(bytes.length);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    entry.setCrc(crc.getValue());
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
  }
}
