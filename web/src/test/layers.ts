// The layers of the web client and the rule between them (docs/web.md):
//
//   app (App.tsx, main.tsx)  ->  features/*  ->  entities/*  ->  shared (lib, components, types, test)
//
// A file imports only from its own layer or a lower one, and the slices of a
// layer (one feature, one entity) import each other without a cycle.
import type { Graph } from './sourceTree';

export type Layer = 'shared' | 'entities' | 'features' | 'app';
const RANK: Record<Layer, number> = { shared: 0, entities: 1, features: 2, app: 3 };

export interface Unit {
  layer: Layer;
  /** 'features/interview', 'entities/interview', 'lib', 'App.tsx', ... */
  slice: string;
}

export function unitOf(file: string): Unit {
  const [top, second] = file.split('/');
  if (top === 'features' || top === 'entities') return { layer: top, slice: `${top}/${second}` };
  if (file === 'App.tsx' || file === 'main.tsx') return { layer: 'app', slice: file };
  return { layer: 'shared', slice: top };
}

/** Imports that run up the layers, as 'from -> to' sentences. */
export function upwardImports(graph: Graph): string[] {
  const bad: string[] = [];
  for (const [from, deps] of graph) {
    const a = unitOf(from);
    for (const to of deps) {
      const b = unitOf(to);
      if (RANK[b.layer] > RANK[a.layer]) bad.push(`${from} (${a.layer}) imports ${to} (${b.layer})`);
    }
  }
  return bad;
}

/** The graph of slices: an edge when a file of one imports a file of another, in the same layer. */
export function sliceGraph(graph: Graph): Graph {
  const edges = new Map<string, Set<string>>();
  for (const [from, deps] of graph) {
    const a = unitOf(from);
    if (a.layer === 'shared' || a.layer === 'app') continue;
    for (const to of deps) {
      const b = unitOf(to);
      if (b.layer !== a.layer || b.slice === a.slice) continue;
      if (!edges.has(a.slice)) edges.set(a.slice, new Set());
      edges.get(a.slice)!.add(b.slice);
    }
  }
  return new Map(Array.from(edges, ([k, v]) => [k, Array.from(v).sort()]));
}

/** Every elementary cycle found by a depth-first walk, each as a path that ends where it starts. */
export function findCycles(graph: Graph): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (n: string) => {
    seen.add(n);
    stack.push(n);
    onStack.add(n);
    for (const m of graph.get(n) ?? []) {
      if (onStack.has(m)) cycles.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!seen.has(m)) visit(m);
    }
    stack.pop();
    onStack.delete(n);
  };
  for (const n of Array.from(graph.keys()).sort()) if (!seen.has(n)) visit(n);
  return cycles;
}
