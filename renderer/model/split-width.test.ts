import { describe, expect, it } from 'vitest';
import { clampInspectorWidth, maxInspectorWidth, storedInspectorWidth, widthAfterKey } from './split-width';

describe('the inspector’s width', () => {
  it('stays between its minimum and what leaves the list room, at most 720 px', () => {
    expect(clampInspectorWidth(100, 1900)).toBe(280);
    expect(clampInspectorWidth(900, 1900)).toBe(720);
    expect(clampInspectorWidth(600, 900)).toBe(480); // 900 − 420 for the list
    expect(maxInspectorWidth(500)).toBe(280); // never below the minimum
    expect(clampInspectorWidth(Number.NaN, 1900)).toBe(320);
  });

  it('moves by keys: Left widens, Right narrows, Shift by four steps, Home and End to the limits', () => {
    expect(widthAfterKey('ArrowLeft', false, 320, 1900)).toBe(336);
    expect(widthAfterKey('ArrowRight', false, 320, 1900)).toBe(304);
    expect(widthAfterKey('ArrowLeft', true, 320, 1900)).toBe(384);
    expect(widthAfterKey('Home', false, 500, 1900)).toBe(280);
    expect(widthAfterKey('End', false, 320, 1000)).toBe(580);
    expect(widthAfterKey('Enter', false, 600, 1900)).toBe(320);
    expect(widthAfterKey('a', false, 320, 1900)).toBeNull();
  });

  it('reads back only a stored width within the limits', () => {
    expect(storedInspectorWidth('480')).toBe(480);
    for (const bad of [null, '', 'wide', '10', '5000']) expect(storedInspectorWidth(bad)).toBe(320);
  });
});
