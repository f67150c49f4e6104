package dev.neuralstyle.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigen3Test {
  private static double[] randomSymmetric(Random random) {
    double[] m = new double[9];
    for (int i = 0; i < 3; i++) {
      for (int j = i; j < 3; j++) {
        m[3 * i + j] = random.nextGaussian();
        m[3 * j + i] = m[3 * i + j];
      }
    }
    return m;
  }

  @Test
  void reconstructsTheMatrixWithOrthonormalVectors() {
    Random random = new Random(7);
    for (int t = 0; t < 200; t++) {
      double[] m = randomSymmetric(random);
      SymmetricEigen3 eigen = SymmetricEigen3.of(m);
      double[] v = eigen.vectors();
      double[] l = eigen.values();
      double[] diag = {l[0], 0, 0, 0, l[1], 0, 0, 0, l[2]};
      assertArrayEquals(m, Mat3.multiply(Mat3.multiply(v, diag), Mat3.transpose(v)), 1e-10);
      assertArrayEquals(Mat3.identity(), Mat3.multiply(Mat3.transpose(v), v), 1e-12);
    }
  }

  @Test
  void squareRootSquaresBack() {
    double[] spd = {4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2};
    SymmetricEigen3 eigen = SymmetricEigen3.of(spd);
    double[] root = eigen.power(0.5, 0);
    assertArrayEquals(spd, Mat3.multiply(root, root), 1e-12);
    double[] inverseRoot = eigen.power(-0.5, 0);
    assertArrayEquals(Mat3.identity(), Mat3.multiply(root, inverseRoot), 1e-12);
    double[] l = Mat3.cholesky(spd);
    assertArrayEquals(spd, Mat3.multiply(l, Mat3.transpose(l)), 1e-12);
    assertArrayEquals(Mat3.identity(), Mat3.multiply(spd, Mat3.inverse(spd)), 1e-12);
  }

  @Test
  void diagonalAndRepeatedEigenvalues() {
    double[] diagonal = {2, 0, 0, 0, 2, 0, 0, 0, 5};
    assertArrayEquals(diagonal, SymmetricEigen3.of(diagonal).power(1, 0), 1e-12);
    double[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    assertArrayEquals(ones, SymmetricEigen3.of(ones).power(1, 0), 1e-12);
  }
}
