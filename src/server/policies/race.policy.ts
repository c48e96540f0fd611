import { scopeAllows, scopeFor, type Actor } from '../../domain/access/scope.ts';

/**
 * Targets and manual statistics belong to their unit: its editor reads them, the coordinator sets
 * them. Races and bulletins are the coordinator's to define and publish and everyone's (but
 * enterprises') to read.
 */
export const racePolicy = {
  targetReadScope: (actor: Actor) => scopeFor(actor, 'target', 'read'),
  canSetTargetFor: (actor: Actor, unit: { path: string }) =>
    scopeAllows(scopeFor(actor, 'target', 'update'), { unitPath: unit.path }),
  canReadRaces: (actor: Actor) => scopeFor(actor, 'race', 'read').kind !== 'none',
  /** Every unit's figures in a live (unpublished) ranking: those who read every unit's targets. */
  readsAllLiveFigures: (actor: Actor) => scopeFor(actor, 'target', 'read').kind === 'all',
  canManageRaces: (actor: Actor) => scopeFor(actor, 'race', 'update').kind !== 'none',
  canReadBulletins: (actor: Actor) => scopeFor(actor, 'bulletin', 'read').kind !== 'none',
  canPublish: (actor: Actor) => scopeFor(actor, 'bulletin', 'create').kind !== 'none',
};
