import type { Me } from '../../contract/common.ts';

/** The shape of the signed-in person returned by sign-in, setup and /me (the contract's meSchema). */
export function presentMe(actor: Me): Me {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    unitId: actor.unitId,
    unitName: actor.unitName,
    locale: actor.locale,
  };
}
