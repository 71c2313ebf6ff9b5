// Keeps the hidden classes of core's per-check objects alive between checks, so that V8's optimised code for them stays valid.
//
// Why: an object whose constructor adds its fields one by one gets its hidden class ("map") through a chain of
// transitions that V8 holds only weakly, and optimised code refers to the maps it checks weakly too. When a
// full garbage collection runs while no instance is alive (between two checks: a host's V8 may collect while
// its page is idle), V8 drops those maps and throws away every optimised function that checked them; the next check
// then runs in V8's slower tiers while everything is compiled again (about a third of a warm check's time at
// 10 000 rows, SPEC 9). One small instance of each class, made when its module loads and kept here, keeps
// its maps, and the optimised code with them. An instance is built with the same kinds of values a check
// gives it (an array where a check has an array, a whole number where it has one): a field that later holds
// another kind of number would give real instances a new map that nothing keeps
// (test/core/common/shapes.test.ts watches for that).

const KEPT: object[] = [];

/** Keeps `instance` (and so its hidden class) alive for as long as core is loaded; returns it. */
export function keepShape<T extends object>(instance: T): T {
  KEPT.push(instance);
  return instance;
}
