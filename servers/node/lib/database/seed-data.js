'use strict';
// The same users and orders as the .NET server (same seed, same generator), so a user id means the same row on
// every runtime. Order counts are skewed (most users have a few, some many) as in a real shop.
const { DotnetRandom } = require('./dotnet-random');

const USER_COUNT = 5000;
const firstNames = ['Ada', 'Alan', 'Grace', 'Linus', 'Barbara', 'Ken', 'Margaret', 'Dennis', 'Frances', 'Edsger', 'Radia', 'Bjarne',
  'Sophie', 'Tim', 'Hedy', 'John', 'Katherine', 'Guido', 'Anita', 'Donald', 'Shafi', 'Niklaus', 'Jean', 'Leslie'];
const lastNames = ['Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Liskov', 'Thompson', 'Hamilton', 'Ritchie', 'Allen', 'Dijkstra',
  'Perlman', 'Stroustrup', 'Wilson', 'Berners-Lee', 'Lamarr', 'McCarthy', 'Johnson', 'van Rossum', 'Borg', 'Knuth'];
const countries = ['US', 'DE', 'FR', 'GB', 'IN', 'BR', 'JP', 'NG', 'PL', 'CA', 'AU', 'SE'];
const statuses = ['paid', 'paid', 'paid', 'shipped', 'shipped', 'refunded', 'pending'];

/** "yyyy-MM-ddTHH:mm:ssZ", as the .NET server writes dates. */
function stamp(ms) {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

function generateSeedData() {
  const random = new DotnetRandom(20241128);
  const start = Date.UTC(2023, 0, 1);
  const users = [];
  const orders = [];
  for (let id = 1; id <= USER_COUNT; id++) {
    const first = firstNames[random.next(firstNames.length)];
    const last = lastNames[random.next(lastNames.length)];
    const joined = start + random.between(0, 365 * 24 * 60) * 60000;
    users.push([id, `${first} ${last}`, `${first}.${last.replaceAll(' ', '')}${id}@example.com`.toLowerCase(),
      countries[random.next(countries.length)], stamp(joined)]);
    const count = random.next(10) === 0 ? random.between(10, 31) : random.between(0, 7);
    for (let k = 0; k < count; k++) {
      const amount = random.between(199, 49999);
      const status = statuses[random.next(statuses.length)];
      orders.push([orders.length + 1, id, amount, status, stamp(joined + random.between(1, 24 * 200) * 3600000)]);
    }
  }
  return { users, orders };
}

module.exports = { generateSeedData };
