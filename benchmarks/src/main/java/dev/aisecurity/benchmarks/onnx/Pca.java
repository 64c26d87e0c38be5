package dev.aisecurity.benchmarks.onnx;

/**
 * Principal component projection of a table onto its top axes, by the cyclic Jacobi
 * eigenvalue method on the covariance matrix (small dimensions only: a few hundred).
 */
final class Pca {

	private Pca() {
	}

	/**
	 * Centre the rows and project them onto the {@code components} axes of largest
	 * variance.
	 * @param rows the table
	 * @param components how many axes to keep
	 * @return the projected table
	 */
	static float[][] project(float[][] rows, int components) {
		int d = rows[0].length;
		double[] mean = new double[d];
		for (float[] row : rows) {
			for (int j = 0; j < d; j++) {
				mean[j] += row[j];
			}
		}
		for (int j = 0; j < d; j++) {
			mean[j] /= rows.length;
		}
		double[][] covariance = new double[d][d];
		double[] centred = new double[d];
		for (float[] row : rows) {
			for (int j = 0; j < d; j++) {
				centred[j] = row[j] - mean[j];
			}
			for (int a = 0; a < d; a++) {
				double x = centred[a];
				double[] target = covariance[a];
				for (int b = a; b < d; b++) {
					target[b] += x * centred[b];
				}
			}
		}
		for (int a = 0; a < d; a++) {
			for (int b = a; b < d; b++) {
				covariance[a][b] /= rows.length;
				covariance[b][a] = covariance[a][b];
			}
		}
		double[][] vectors = eigenvectors(covariance);
		// eigenvalues end on the diagonal; order the axes by them
		Integer[] order = new Integer[d];
		for (int j = 0; j < d; j++) {
			order[j] = j;
		}
		java.util.Arrays.sort(order, (a, b) -> Double.compare(covariance[b][b], covariance[a][a]));
		int k = Math.min(components, d);
		float[][] projected = new float[rows.length][k];
		for (int i = 0; i < rows.length; i++) {
			for (int c = 0; c < k; c++) {
				int axis = order[c];
				double sum = 0;
				for (int j = 0; j < d; j++) {
					sum += (rows[i][j] - mean[j]) * vectors[j][axis];
				}
				projected[i][c] = (float) sum;
			}
		}
		return projected;
	}

	/**
	 * Diagonalise a symmetric matrix in place; returns the eigenvectors as columns.
	 */
	static double[][] eigenvectors(double[][] a) {
		int n = a.length;
		double[][] v = new double[n][n];
		for (int i = 0; i < n; i++) {
			v[i][i] = 1;
		}
		for (int sweep = 0; sweep < 50; sweep++) {
			double off = 0;
			for (int p = 0; p < n; p++) {
				for (int q = p + 1; q < n; q++) {
					off += a[p][q] * a[p][q];
				}
			}
			if (off < 1e-22) {
				break;
			}
			for (int p = 0; p < n; p++) {
				for (int q = p + 1; q < n; q++) {
					if (Math.abs(a[p][q]) < 1e-30) {
						continue;
					}
					double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
					double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
					if (theta == 0) {
						t = 1;
					}
					double c = 1 / Math.sqrt(t * t + 1);
					double s = t * c;
					for (int k = 0; k < n; k++) {
						double akp = a[k][p];
						double akq = a[k][q];
						a[k][p] = c * akp - s * akq;
						a[k][q] = s * akp + c * akq;
					}
					for (int k = 0; k < n; k++) {
						double apk = a[p][k];
						double aqk = a[q][k];
						a[p][k] = c * apk - s * aqk;
						a[q][k] = s * apk + c * aqk;
					}
					for (int k = 0; k < n; k++) {
						double vkp = v[k][p];
						double vkq = v[k][q];
						v[k][p] = c * vkp - s * vkq;
						v[k][q] = s * vkp + c * vkq;
					}
				}
			}
		}
		return v;
	}

}
