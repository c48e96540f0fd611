import { scopeFor, type Actor } from '../../domain/access/scope.ts';

/** Everyone may keep API tokens of their own; a token acts with its owner's scope. */
export const tokenPolicy = {
  mayUse: (actor: Actor) => scopeFor(actor, 'token', 'create').kind !== 'none',
};
