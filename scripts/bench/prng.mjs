// A small seeded PRNG (mulberry32) and helpers: the same seed makes the same data set.

/** @param {number} seed */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
  return {
    next,
    /** true with probability p */
    chance: (/** @type {number} */ p) => next() < p,
    /** integer in [lo, hi] */
    int: (/** @type {number} */ lo, /** @type {number} */ hi) => lo + Math.floor(next() * (hi - lo + 1)),
    /** @template T @param {readonly T[]} items @returns {T} */
    pick: (items) => items[Math.floor(next() * items.length)],
    /** @template T @param {readonly [T, number][]} weighted @returns {T} */
    weighted: (weighted) => {
      const total = weighted.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [value, w] of weighted) if ((r -= w) < 0) return value;
      return weighted[weighted.length - 1][0];
    },
    /** A cuid-shaped id (25 characters, starting with c): random order, like the app's. */
    id: () => {
      let s = 'c';
      for (let i = 0; i < 24; i++) s += ALPHABET[Math.floor(next() * 36)];
      return s;
    },
  };
}
