// The roles live with the contract (core/api/roles.ts); this path is kept for existing imports.
export { ROLES, ROLE_KEYS, roleLabel, type Role } from '../api/roles';
