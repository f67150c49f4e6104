package dev.neuralstyle.image;

/**
 * Eigen-decomposition of a symmetric 3x3 matrix by the cyclic Jacobi method: {@code a = V diag(λ)
 * V^T} with orthonormal eigenvectors in the columns of {@code V}. Used for matrix square roots of
 * colour covariance matrices.
 */
final class SymmetricEigen3 {
  private static final int MAX_SWEEPS = 60;

  private final double[] values;
  private final double[] vectors;

  private SymmetricEigen3(double[] values, double[] vectors) {
    this.values = values;
    this.vectors = vectors;
  }

  /** Decomposes the symmetric matrix {@code m} (row-major; only symmetry is assumed). */
  static SymmetricEigen3 of(double[] m) {
    double[][] a = {{m[0], m[1], m[2]}, {m[3], m[4], m[5]}, {m[6], m[7], m[8]}};
    double[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
      double diag = a[0][0] * a[0][0] + a[1][1] * a[1][1] + a[2][2] * a[2][2];
      if (off == 0 || off <= 1e-32 * diag) {
        break;
      }
      for (int p = 0; p < 2; p++) {
        for (int q = p + 1; q < 3; q++) {
          if (a[p][q] != 0) {
            rotate(a, v, p, q);
          }
        }
      }
    }
    double[] vectors = new double[9];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        vectors[3 * i + j] = v[i][j];
      }
    }
    return new SymmetricEigen3(new double[] {a[0][0], a[1][1], a[2][2]}, vectors);
  }

  /** One Jacobi rotation that zeroes {@code a[p][q]}; accumulates it into {@code v}. */
  private static void rotate(double[][] a, double[][] v, int p, int q) {
    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    if (theta == 0) {
      t = 1;
    }
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    for (int k = 0; k < 3; k++) {
      double akp = a[k][p];
      double akq = a[k][q];
      a[k][p] = c * akp - s * akq;
      a[k][q] = s * akp + c * akq;
    }
    for (int k = 0; k < 3; k++) {
      double apk = a[p][k];
      double aqk = a[q][k];
      a[p][k] = c * apk - s * aqk;
      a[q][k] = s * apk + c * aqk;
    }
    for (int k = 0; k < 3; k++) {
      double vkp = v[k][p];
      double vkq = v[k][q];
      v[k][p] = c * vkp - s * vkq;
      v[k][q] = s * vkp + c * vkq;
    }
  }

  /** The eigenvalues (unsorted). */
  double[] values() {
    return values.clone();
  }

  /** The eigenvectors as the columns of a row-major matrix. */
  double[] vectors() {
    return vectors.clone();
  }

  /**
   * {@code V diag(f(λ)) V^T} with {@code f(λ) = λ^power}; eigenvalues below {@code floor} are
   * raised to it first, which keeps inverse roots of (nearly) singular matrices finite.
   */
  double[] power(double power, double floor) {
    double[] scaled = new double[9];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        scaled[3 * i + j] = vectors[3 * i + j] * Math.pow(Math.max(values[j], floor), power);
      }
    }
    return Mat3.multiply(scaled, Mat3.transpose(vectors));
  }
}
