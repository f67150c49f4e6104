package dev.neuralstyle.image;

/** Small 3x3 matrix helpers on row-major {@code double[9]} arrays. Results are new arrays. */
final class Mat3 {
  private Mat3() {}

  /** The identity matrix. */
  static double[] identity() {
    return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
  }

  /** {@code a * b}. */
  static double[] multiply(double[] a, double[] b) {
    double[] c = new double[9];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
      }
    }
    return c;
  }

  /** The transpose. */
  static double[] transpose(double[] a) {
    return new double[] {a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8]};
  }

  /** The inverse by the adjugate; throws if the matrix is singular. */
  static double[] inverse(double[] m) {
    double c00 = m[4] * m[8] - m[5] * m[7];
    double c01 = m[5] * m[6] - m[3] * m[8];
    double c02 = m[3] * m[7] - m[4] * m[6];
    double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
    if (det == 0 || !Double.isFinite(det)) {
      throw new ArithmeticException("singular 3x3 matrix");
    }
    double s = 1 / det;
    return new double[] {
      c00 * s,
      (m[2] * m[7] - m[1] * m[8]) * s,
      (m[1] * m[5] - m[2] * m[4]) * s,
      c01 * s,
      (m[0] * m[8] - m[2] * m[6]) * s,
      (m[2] * m[3] - m[0] * m[5]) * s,
      c02 * s,
      (m[1] * m[6] - m[0] * m[7]) * s,
      (m[0] * m[4] - m[1] * m[3]) * s
    };
  }

  /**
   * Lower-triangular {@code L} with {@code L * L^T = a} for a symmetric positive definite matrix;
   * null if {@code a} is not positive definite.
   */
  static double[] cholesky(double[] a) {
    double l00 = a[0];
    if (!(l00 > 0)) {
      return null;
    }
    l00 = Math.sqrt(l00);
    double l10 = a[3] / l00;
    double l20 = a[6] / l00;
    double d1 = a[4] - l10 * l10;
    if (!(d1 > 0)) {
      return null;
    }
    double l11 = Math.sqrt(d1);
    double l21 = (a[7] - l20 * l10) / l11;
    double d2 = a[8] - l20 * l20 - l21 * l21;
    if (!(d2 > 0)) {
      return null;
    }
    return new double[] {l00, 0, 0, l10, l11, 0, l20, l21, Math.sqrt(d2)};
  }

  /** {@code a + s * I}. */
  static double[] plusIdentity(double[] a, double s) {
    double[] c = a.clone();
    c[0] += s;
    c[4] += s;
    c[8] += s;
    return c;
  }
}
