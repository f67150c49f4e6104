package dev.neuralstyle.image;

/**
 * The few JPEG header facts the decoder needs and ImageIO does not apply: the EXIF orientation tag
 * (APP1) and the Adobe colour transform flag (APP14). Scans the marker segments before the first
 * scan; never throws, unknown or damaged headers just give the defaults.
 */
final class JpegSegments {
  /** No Adobe APP14 segment. */
  static final int NO_ADOBE = -1;

  private static final int EXIF_ORIENTATION_TAG = 0x0112;

  private final int orientation;
  private final int adobeTransform;

  private JpegSegments(int orientation, int adobeTransform) {
    this.orientation = orientation;
    this.adobeTransform = adobeTransform;
  }

  /** EXIF orientation 1..8; 1 (as stored) when absent or invalid. */
  int orientation() {
    return orientation;
  }

  /** Adobe APP14 transform: 0 = none (RGB/CMYK), 1 = YCbCr, 2 = YCCK; {@link #NO_ADOBE}. */
  int adobeTransform() {
    return adobeTransform;
  }

  /** Whether {@code data} starts with the JPEG SOI marker. */
  static boolean isJpeg(byte[] data) {
    return data.length >= 3 && u8(data, 0) == 0xFF && u8(data, 1) == 0xD8 && u8(data, 2) == 0xFF;
  }

  /** Parses the header segments of a JPEG file; non-JPEG data gives the defaults. */
  static JpegSegments parse(byte[] data) {
    int orientation = 1;
    int adobe = NO_ADOBE;
    if (!isJpeg(data)) {
      return new JpegSegments(orientation, adobe);
    }
    int pos = 2;
    while (pos + 4 <= data.length) {
      if (u8(data, pos) != 0xFF) {
        break;
      }
      int marker = u8(data, pos + 1);
      if (marker == 0xFF) {
        pos++; // fill byte
        continue;
      }
      if (marker == 0xDA || marker == 0xD9) {
        break; // start of scan or end of image: no more header segments
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        pos += 2; // standalone markers
        continue;
      }
      int length = u16(data, pos + 2, false);
      int start = pos + 4;
      int end = Math.min(data.length, pos + 2 + length);
      if (length < 2) {
        break;
      }
      if (marker == 0xE1 && orientation == 1) {
        orientation = exifOrientation(data, start, end);
      } else if (marker == 0xEE && end - start >= 12 && startsWith(data, start, "Adobe")) {
        adobe = u8(data, start + 11);
      }
      pos = pos + 2 + length;
    }
    return new JpegSegments(orientation, adobe);
  }

  /** Reads tag 0x0112 from IFD0 of an APP1 Exif segment occupying {@code [start, end)}. */
  private static int exifOrientation(byte[] data, int start, int end) {
    if (end - start < 14 || !startsWith(data, start, "Exif") || data[start + 4] != 0) {
      return 1;
    }
    int tiff = start + 6;
    boolean little;
    if (u8(data, tiff) == 'I' && u8(data, tiff + 1) == 'I') {
      little = true;
    } else if (u8(data, tiff) == 'M' && u8(data, tiff + 1) == 'M') {
      little = false;
    } else {
      return 1;
    }
    if (u16(data, tiff + 2, little) != 42) {
      return 1;
    }
    long ifd = tiff + u32(data, tiff + 4, little);
    if (ifd + 2 > end) {
      return 1;
    }
    int count = u16(data, (int) ifd, little);
    for (int i = 0; i < count; i++) {
      int entry = (int) ifd + 2 + 12 * i;
      if (entry + 12 > end) {
        return 1;
      }
      if (u16(data, entry, little) == EXIF_ORIENTATION_TAG) {
        int type = u16(data, entry + 2, little);
        int value = type == 3 ? u16(data, entry + 8, little) : (int) u32(data, entry + 8, little);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  private static boolean startsWith(byte[] data, int pos, String ascii) {
    if (pos + ascii.length() > data.length) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (data[pos + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int u8(byte[] data, int pos) {
    return data[pos] & 0xFF;
  }

  private static int u16(byte[] data, int pos, boolean little) {
    if (pos + 2 > data.length) {
      return 0;
    }
    return little ? u8(data, pos) | u8(data, pos + 1) << 8 : u8(data, pos) << 8 | u8(data, pos + 1);
  }

  private static long u32(byte[] data, int pos, boolean little) {
    if (pos + 4 > data.length) {
      return Integer.MAX_VALUE;
    }
    long hi = u16(data, little ? pos + 2 : pos, little);
    long lo = u16(data, little ? pos : pos + 2, little);
    return hi << 16 | lo;
  }
}
