// The libs' floors and the …ForSystem allow-list (libs/floors.json), checked for sense on load:
// a lib without a floor, an entry naming no lib or an unknown floor stops the lint, saying which.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** The floors of the libs under `root` (the repository by default), and the libs on each. */
function loadFloors(root = path.resolve(__dirname, '../..')) {
  const file = path.join(root, 'libs', 'floors.json');
  const spec = JSON.parse(fs.readFileSync(file, 'utf8'));
  const order = spec.floors.map((f) => f.name);
  const libs = Object.fromEntries(Object.entries(spec.libs).filter(([name]) => !name.startsWith('$')));
  const problems = [];
  const present = fs
    .readdirSync(path.join(root, 'libs'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  for (const lib of present) if (!libs[lib]) problems.push(`libs/${lib} has no floor in libs/floors.json`);
  for (const [lib, entry] of Object.entries(libs)) {
    if (!present.includes(lib)) problems.push(`libs/floors.json names ${lib}, which is not a folder under libs/`);
    if (!order.includes(entry.floor)) problems.push(`libs/floors.json gives ${lib} the unknown floor "${entry.floor}"`);
  }
  const callers = {};
  for (const [owner, byCaller] of Object.entries(spec.forSystemCallers ?? {})) {
    if (owner.startsWith('$')) continue;
    if (!libs[owner]) problems.push(`libs/floors.json: forSystemCallers names the unknown lib ${owner}`);
    for (const caller of Object.keys(byCaller))
      if (!libs[caller]) problems.push(`libs/floors.json: forSystemCallers.${owner} names the unknown lib ${caller}`);
    callers[owner] = new Set(Object.keys(byCaller));
  }
  if (problems.length) throw new Error(problems.join('\n'));
  const level = (floor) => order.indexOf(floor);
  const names = Object.keys(libs);
  return {
    order,
    libs,
    /** The libs on `floor`. */
    on: (floor) => names.filter((lib) => libs[lib].floor === floor),
    /** The libs on the floors above `floor`. */
    above: (floor) => names.filter((lib) => level(libs[lib].floor) > level(floor)),
    /** Whether `caller` may call the …ForSystem methods `owner` declares. */
    mayCallForSystem: (owner, caller) => owner === caller || Boolean(callers[owner]?.has(caller)),
  };
}

/** The lib a repository-relative path belongs to (libs/<name>/…), or null. */
function libOf(relativePath) {
  const match = /^libs\/([^/]+)\//.exec(relativePath.split(path.sep).join('/'));
  return match ? match[1] : null;
}

module.exports = { loadFloors, libOf };
