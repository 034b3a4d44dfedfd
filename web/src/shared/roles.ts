/** The part of a user that role checks need. */
export interface HasRoles {
  roles: readonly string[];
}

/**
 * True when the user holds one of `wanted` (none listed = everyone, signed in or not). A pattern `module.*`
 * matches every role of that module. No role implies another: platform-admin sees the admin pages, not
 * every module's work.
 */
export function hasAnyRole(user: HasRoles | null | undefined, wanted: readonly string[] | undefined): boolean {
  if (!wanted || wanted.length === 0) return true;
  if (!user) return false;
  return wanted.some((want) =>
    want.endsWith('.*') ? user.roles.some((r) => r.startsWith(want.slice(0, -1))) : user.roles.includes(want),
  );
}
