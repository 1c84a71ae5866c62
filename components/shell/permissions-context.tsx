'use client';
import { createContext, useContext, type ReactNode } from 'react';
import { can, type Permission, type Role } from '@/lib/domain/permissions';

/**
 * The signed-in operator's roles for client components that show or hide a link. Only
 * presentation: every page and action checks permissions again on the server.
 */
const RolesContext = createContext<readonly Role[]>([]);

export function RolesProvider({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  return <RolesContext.Provider value={roles}>{children}</RolesContext.Provider>;
}

export function useCan(permission: Permission): boolean {
  return can(useContext(RolesContext), permission);
}
