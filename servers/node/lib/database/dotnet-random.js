'use strict';
// .NET's seeded System.Random (Knuth's subtractive generator), number for number, so the Node server seeds the
// very rows the .NET and Go servers do.
const MAX_INT = 2147483647;

class DotnetRandom {
  constructor(seed) {
    const seeds = new Int32Array(56);
    let mj = 161803398 - Math.abs(seed);
    seeds[55] = mj;
    let mk = 1;
    let ii = 0;
    for (let i = 1; i < 55; i++) {
      ii += 21;
      if (ii >= 55) ii -= 55;
      seeds[ii] = mk;
      mk = mj - mk;
      if (mk < 0) mk += MAX_INT;
      mj = seeds[ii];
    }
    for (let k = 1; k < 5; k++) {
      for (let i = 1; i < 56; i++) {
        let n = i + 30;
        if (n >= 55) n -= 55;
        seeds[i] -= seeds[1 + n];
        if (seeds[i] < 0) seeds[i] += MAX_INT;
      }
    }
    this.seeds = seeds;
    this.inext = 0;
    this.inextp = 21;
  }

  sample() {
    if (++this.inext >= 56) this.inext = 1;
    if (++this.inextp >= 56) this.inextp = 1;
    let v = this.seeds[this.inext] - this.seeds[this.inextp];
    if (v === MAX_INT) v--;
    if (v < 0) v += MAX_INT;
    this.seeds[this.inext] = v;
    return v * (1.0 / MAX_INT);
  }

  /** Random.Next(max): 0 <= n < max. */
  next(max) {
    return Math.trunc(this.sample() * max);
  }

  /** Random.Next(min, max): min <= n < max. */
  between(min, max) {
    return Math.trunc(this.sample() * (max - min)) + min;
  }
}

module.exports = { DotnetRandom };
