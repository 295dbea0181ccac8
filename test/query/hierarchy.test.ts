// Parent/child closures: system families and actor membership.
import { describe, expect, it } from 'vitest';
import { Hierarchy } from '../../src/query/index.js';

// patriot ⊃ patriot-missile ⊃ pac-3; patriot ⊃ patriot-radar; kinzhal stands alone.
const systems = () =>
  new Hierarchy([
    ['pac-3', 'patriot-missile'],
    ['patriot-missile', 'patriot'],
    ['patriot-radar', 'patriot'],
    ['kinzhal', undefined],
    ['patriot', undefined],
  ]);

describe('Hierarchy', () => {
  describe('descendantsOrSelf', () => {
    it('is the id alone for an id it has never seen', () => {
      expect([...systems().descendantsOrSelf('nope')]).toEqual(['nope']);
    });

    it('is the id alone for a leaf, and ignores links without a parent', () => {
      expect([...systems().descendantsOrSelf('pac-3')]).toEqual(['pac-3']);
      expect([...systems().descendantsOrSelf('kinzhal')]).toEqual(['kinzhal']);
    });

    it('holds every id below, at any depth', () => {
      expect([...systems().descendantsOrSelf('patriot')].sort()).toEqual(['pac-3', 'patriot', 'patriot-missile', 'patriot-radar']);
      expect([...systems().descendantsOrSelf('patriot-missile')].sort()).toEqual(['pac-3', 'patriot-missile']);
    });

    it('terminates on a cycle in bad data', () => {
      const loop = new Hierarchy([
        ['a', 'b'],
        ['b', 'a'],
      ]);
      expect([...loop.descendantsOrSelf('a')].sort()).toEqual(['a', 'b']);
    });
  });

  describe('ancestorsOrSelf', () => {
    it('is the id alone for an id it has never seen, or a root', () => {
      expect(systems().ancestorsOrSelf('nope')).toEqual(['nope']);
      expect(systems().ancestorsOrSelf('patriot')).toEqual(['patriot']);
    });

    it('lists the chain upwards, nearest first', () => {
      expect(systems().ancestorsOrSelf('pac-3')).toEqual(['pac-3', 'patriot-missile', 'patriot']);
      expect(systems().ancestorsOrSelf('patriot-radar')).toEqual(['patriot-radar', 'patriot']);
    });

    it('terminates on a cycle in bad data', () => {
      const loop = new Hierarchy([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
      ]);
      expect(loop.ancestorsOrSelf('a')).toEqual(['a', 'b', 'c']);
    });
  });
});
