/**
 * pairing: logistic regression, fitted by Newton's method (iteratively
 * reweighted least squares) with an L2 penalty on standardized features. Small
 * and readable: the decision is a weighted sum whose weights can be listed on
 * a page. Pure and deterministic: the same rows give the same weights.
 */

/**
 * A fitted model: feature names, standardization, weights and intercept. With
 * `squares`, each feature's square is a term too (weights and scales list the
 * features first, then their squares): a curve per feature, still readable.
 */
export interface LogisticModel {
  features: string[];
  squares?: boolean;
  mean: number[];
  scale: number[];
  weights: number[];
  intercept: number;
}

/** One training row: features, label, and how much it counts. */
export interface TrainingRow {
  x: number[];
  y: boolean;
  weight?: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Solve A v = b (A symmetric positive definite after the penalty) by Gaussian elimination with pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c += 1) {
    let p = c;
    for (let r = c + 1; r < n; r += 1) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r += 1) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k += 1) M[r][k] -= f * M[c][k];
    }
  }
  const v = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r -= 1) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k += 1) s -= M[r][k] * v[k];
    v[r] = s / M[r][r];
  }
  return v;
}

/** The terms of a feature vector: the features, then their squares when the model has them. */
function expand(x: number[], squares: boolean | undefined): number[] {
  return squares ? [...x, ...x.map((v) => v * v)] : x;
}

/** Fit a model; `l2` penalizes the weights (not the intercept). */
export function fitLogistic(
  features: readonly string[],
  input: TrainingRow[],
  l2 = 1,
  squares = false,
  iterations = 25,
): LogisticModel {
  if (!input.length) throw new Error('pairing: fitLogistic needs at least one row');
  const rows = input.map((r) => ({ ...r, x: expand(r.x, squares) }));
  const d = features.length * (squares ? 2 : 1);
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const r of rows) for (let k = 0; k < d; k += 1) mean[k] += r.x[k] / rows.length;
  for (const r of rows) for (let k = 0; k < d; k += 1) scale[k] += (r.x[k] - mean[k]) ** 2 / rows.length;
  for (let k = 0; k < d; k += 1) scale[k] = Math.sqrt(scale[k]) || 1;
  const Z = rows.map((r) => [1, ...r.x.map((v, k) => (v - mean[k]) / scale[k])]);
  let w = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < iterations; it += 1) {
    const grad = new Array<number>(d + 1).fill(0);
    const H = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    rows.forEach((r, n) => {
      const z = Z[n];
      let s = 0;
      for (let k = 0; k <= d; k += 1) s += w[k] * z[k];
      const p = sigmoid(s);
      const c = r.weight ?? 1;
      const g = c * ((r.y ? 1 : 0) - p);
      const h = c * Math.max(p * (1 - p), 1e-9);
      for (let k = 0; k <= d; k += 1) {
        grad[k] += g * z[k];
        for (let m = k; m <= d; m += 1) H[k][m] += h * z[k] * z[m];
      }
    });
    for (let k = 0; k <= d; k += 1) for (let m = 0; m < k; m += 1) H[k][m] = H[m][k];
    for (let k = 1; k <= d; k += 1) {
      grad[k] -= l2 * w[k];
      H[k][k] += l2;
    }
    const step = solve(H, grad);
    w = w.map((v, k) => v + step[k]);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { features: [...features], squares, mean, scale, weights: w.slice(1), intercept: w[0] };
}

/** The model's probability for one feature vector. */
export function predictLogistic(model: LogisticModel, features: number[]): number {
  const x = expand(features, model.squares);
  let s = model.intercept;
  for (let k = 0; k < model.weights.length; k += 1) s += model.weights[k] * ((x[k] - model.mean[k]) / model.scale[k]);
  return sigmoid(s);
}
