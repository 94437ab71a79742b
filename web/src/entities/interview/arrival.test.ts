import { describe, expect, it } from 'vitest';
import { opensRoomHere } from './arrival';

describe('a room that opens by itself', () => {
  it('takes the tab that asked, or the one the user looks at, and no other', () => {
    expect(opensRoomHere({ askedHere: true, visible: false })).toBe(true);
    expect(opensRoomHere({ askedHere: false, visible: true })).toBe(true);
    expect(opensRoomHere({ askedHere: false, visible: false })).toBe(false);
  });
});
