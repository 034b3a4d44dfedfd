import { describe, expect, it } from 'vitest';
import { fieldNameOf } from './problem-view.js';

describe('fieldNameOf', () => {
  it('maps server error paths to antd form field names', () => {
    expect(fieldNameOf('body.uscc')).toEqual(['uscc']);
    expect(fieldNameOf('body.items.0.name')).toEqual(['items', 0, 'name']);
    expect(fieldNameOf('/items/2/amountFen')).toEqual(['items', 2, 'amountFen']);
    expect(fieldNameOf('roles')).toEqual(['roles']);
    // A field that happens to start with "body" is not a prefix.
    expect(fieldNameOf('bodyWeight')).toEqual(['bodyWeight']);
  });
});
