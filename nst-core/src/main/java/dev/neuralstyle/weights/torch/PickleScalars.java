package dev.neuralstyle.weights.torch;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The opcodes of {@link RestrictedUnpickler} that push scalars or touch the memo: strings,
 * integers, {@code None}, booleans, PUT/GET. Any opcode not handled here or in the VM is refused.
 */
final class PickleScalars {
  private PickleScalars() {}

  static void step(RestrictedUnpickler vm, int op, ByteBuffer in) {
    switch (op) {
      case 'X': // BINUNICODE
        vm.push(RestrictedUnpickler.utf8(in, Integer.toUnsignedLong(in.getInt())));
        break;
      case 0x8C: // SHORT_BINUNICODE (protocol 4)
        vm.push(RestrictedUnpickler.utf8(in, in.get() & 0xFF));
        break;
      case 'U': // SHORT_BINSTRING (Python 2 str)
        vm.push(latin1(in, in.get() & 0xFF));
        break;
      case 'T': // BINSTRING (Python 2 str)
        vm.push(latin1(in, in.getInt()));
        break;
      case 'J': // BININT
        vm.push((long) in.getInt());
        break;
      case 'K': // BININT1
        vm.push((long) (in.get() & 0xFF));
        break;
      case 'M': // BININT2
        vm.push((long) (in.getShort() & 0xFFFF));
        break;
      case 0x8A: // LONG1
        vm.push(long1(in, in.get() & 0xFF));
        break;
      case 'N': // NONE
        vm.push(Pickled.NONE);
        break;
      case 0x88: // NEWTRUE
        vm.push(true);
        break;
      case 0x89: // NEWFALSE
        vm.push(false);
        break;
      case 'q': // BINPUT
        vm.memoPut(in.get() & 0xFF);
        break;
      case 'r': // LONG_BINPUT
        vm.memoPut(Integer.toUnsignedLong(in.getInt()));
        break;
      case 0x94: // MEMOIZE (protocol 4)
        vm.memoPut(vm.memoSize());
        break;
      case 'h': // BINGET
        vm.push(vm.memoGet(in.get() & 0xFF));
        break;
      case 'j': // LONG_BINGET
        vm.push(vm.memoGet(Integer.toUnsignedLong(in.getInt())));
        break;
      default:
        throw vm.fail(
            String.format(
                "uses opcode 0x%02X at byte %d, which a weights file does not need (refused)",
                op, in.position() - 1));
    }
  }

  private static String latin1(ByteBuffer in, int length) {
    if (length < 0 || length > in.remaining()) {
      throw new java.nio.BufferUnderflowException();
    }
    byte[] bytes = new byte[length];
    in.get(bytes);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static Object long1(ByteBuffer in, int n) {
    if (n == 0) {
      return 0L;
    }
    byte[] le = new byte[n];
    in.get(le);
    byte[] be = new byte[n];
    for (int i = 0; i < n; i++) {
      be[i] = le[n - 1 - i];
    }
    return RestrictedUnpickler.integer(new BigInteger(be));
  }
}
