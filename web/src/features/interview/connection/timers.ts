// The room's timers, all in one place. The machine says which timers it wants
// (timersOf); sync() arms each new one, cancels each one no longer wanted, and
// leaves alone one whose key is unchanged, even after it fired.
import type { TimerName, TimerSpec } from './roomState';

export class Timers {
  private readonly armed = new Map<TimerName, { key: string; handle: ReturnType<typeof setTimeout> | null }>();

  constructor(private readonly fire: (name: TimerName) => void) {}

  sync(wanted: readonly TimerSpec[]) {
    const byName = new Map(wanted.map((t) => [t.name, t]));
    for (const [name, t] of this.armed) {
      if (byName.get(name)?.key === t.key) continue;
      if (t.handle) clearTimeout(t.handle);
      this.armed.delete(name);
    }
    for (const spec of wanted) {
      if (this.armed.has(spec.name)) continue;
      const entry: { key: string; handle: ReturnType<typeof setTimeout> | null } = { key: spec.key, handle: null };
      entry.handle = setTimeout(() => {
        entry.handle = null;
        this.fire(spec.name);
      }, spec.ms);
      this.armed.set(spec.name, entry);
    }
  }

  /** The timers armed and not yet fired, for tests. */
  pending(): TimerName[] {
    return Array.from(this.armed).filter(([, t]) => t.handle !== null).map(([name]) => name);
  }

  clear() {
    this.sync([]);
  }
}
