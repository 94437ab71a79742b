// The shape of the client, checked: imports run one way down the layers
// (app -> features -> entities -> shared) with no cycle between slices or
// files, and each server event has exactly one listener (docs/web.md).
import { describe, expect, it } from 'vitest';
import { findCycles, sliceGraph, unitOf, upwardImports } from './test/layers';
import { listeners, serverEventNames } from './test/serverEvents';
import { importGraph, importSpecifiers, readSource, resolveImport, sourceFiles, type Graph } from './test/sourceTree';

const graph = importGraph();
const g = (edges: Record<string, string[]>): Graph => new Map(Object.entries(edges));

describe('the checks themselves', () => {
  it('reads static, re-exported, multi-line and dynamic imports and resolves them to files', () => {
    const code = `import a from './a';\nimport {\n  b,\n} from "../b";\nexport { c } from './c/index';\nimport './side.css';\nconst d = import('./d');`;
    expect(importSpecifiers(code).sort()).toEqual(['../b', './a', './c/index', './d', './side.css']);
    const files = new Set(['x/a.ts', 'b.tsx', 'x/c/index.ts', 'x/y.ts']);
    expect(resolveImport('x/y.ts', './a', files)).toBe('x/a.ts');
    expect(resolveImport('x/y.ts', '../b', files)).toBe('b.tsx');
    expect(resolveImport('x/y.ts', './c', files)).toBe('x/c/index.ts');
    expect(resolveImport('x/y.ts', 'react', files)).toBeNull();
  });

  it('places files in layers and slices', () => {
    expect(unitOf('features/interview/room/LiveRoom.tsx')).toEqual({ layer: 'features', slice: 'features/interview' });
    expect(unitOf('entities/interview/model.ts')).toEqual({ layer: 'entities', slice: 'entities/interview' });
    expect(unitOf('lib/socket.ts')).toEqual({ layer: 'shared', slice: 'lib' });
    expect(unitOf('types.ts').layer).toBe('shared');
    expect(unitOf('App.tsx').layer).toBe('app');
  });

  it('finds an import up the layers and a cycle between features', () => {
    const bad = g({
      'lib/api.ts': ['features/auth/session.ts'],
      'features/auth/session.ts': [],
      'features/interview/Room.tsx': ['features/history/Summary.tsx'],
      'features/history/Summary.tsx': ['features/interview/Form.tsx'],
      'features/interview/Form.tsx': [],
    });
    expect(upwardImports(bad)).toEqual(['lib/api.ts (shared) imports features/auth/session.ts (features)']);
    expect(findCycles(sliceGraph(bad))).toEqual([['features/history', 'features/interview', 'features/history']]);
    expect(findCycles(g({ a: ['b'], b: ['c'], c: ['a'] }))).toEqual([['a', 'b', 'c', 'a']]);
    expect(findCycles(g({ a: ['b'], b: [], c: ['a', 'b'] }))).toEqual([]);
  });

  it('counts the listeners of each server event per file', () => {
    const types = "export interface ServerToClientEvents {\n  presence: (e: P) => void;\n  'peer-joined': (e: R) => void;\n}";
    expect(serverEventNames(types)).toEqual(['presence', 'peer-joined']);
    const where = listeners(serverEventNames(types), [
      { file: 'a.ts', code: "socket.on('presence', f); socket.off('presence', f);" },
      { file: 'b.ts', code: "this.socket.on(\n  'presence', g);" },
      { file: 'c.ts', code: "offs.push(listen(this.socket, 'peer-joined', h));" },
    ]);
    expect(where.get('presence')).toEqual(['a.ts', 'b.ts']);
    expect(where.get('peer-joined')).toEqual(['c.ts']);
  });
});

describe('web/src', () => {
  it('is read whole', () => {
    expect(graph.size).toBeGreaterThan(40);
    expect(graph.get('App.tsx')).toContain('features/interview/InterviewRoomPage.tsx');
  });

  it('imports only from its own layer or a lower one', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('has no cycle between features, nor between entities', () => {
    expect(findCycles(sliceGraph(graph))).toEqual([]);
  });

  it('has no cycle between files', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('listens to each server event in exactly one file', () => {
    const events = serverEventNames(readSource('types.ts'));
    expect(events).toContain('interview-invitation-received');
    const where = listeners(
      events,
      sourceFiles()
        .filter((file) => !file.startsWith('test/'))
        .map((file) => ({ file, code: readSource(file) })),
    );
    const notOnce = Array.from(where).filter(([, files]) => files.length !== 1);
    expect(notOnce).toEqual([]);
  });
});
