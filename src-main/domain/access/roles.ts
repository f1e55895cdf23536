/** Staff roles. What each may do is decided per command in the IPC contract. */
export const ROLES = ['administrator', 'coordinator', 'facilitator', 'quality-lead'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Administrator',
  coordinator: 'RJ coordinator',
  facilitator: 'Facilitator',
  'quality-lead': 'Quality lead',
};
