import { describe, expect, it } from 'vitest';
import { canEndSessionsOf, canOpenStaffAccount } from './roles.policy.ts';
import { canManageSchool } from '../kernel/roles.ts';

const district = { id: 1, role: 'district_admin', schoolId: null } as const;
const adminOfA = { id: 2, role: 'school_admin', schoolId: 10 } as const;
const teacherOfA = { id: 3, role: 'teacher', schoolId: 10 } as const;
const parent = { id: 4, role: 'parent', schoolId: null } as const;

describe('who manages a school', () => {
  it('is the district admin for every school and a school admin for their own only', () => {
    expect(canManageSchool(district, 10)).toBe(true);
    expect(canManageSchool(district, 11)).toBe(true);
    expect(canManageSchool(adminOfA, 10)).toBe(true);
    expect(canManageSchool(adminOfA, 11)).toBe(false);
    expect(canManageSchool(teacherOfA, 10)).toBe(false);
    expect(canManageSchool(parent, 10)).toBe(false);
    expect(canManageSchool(null, 10)).toBe(false);
  });
});

describe('who opens staff accounts', () => {
  it('lets a school admin open teachers in their school, and nothing else', () => {
    expect(canOpenStaffAccount(adminOfA, 'teacher', 10)).toEqual({ allowed: true });
    expect(canOpenStaffAccount(adminOfA, 'teacher', 11)).toEqual({ allowed: false, reason: 'schoolNotAllowed' });
    expect(canOpenStaffAccount(adminOfA, 'school_admin', 10)).toEqual({ allowed: false, reason: 'roleNotAllowed' });
    expect(canOpenStaffAccount(adminOfA, 'district_admin', null)).toEqual({ allowed: false, reason: 'roleNotAllowed' });
  });

  it('lets a district admin open any staff role; school staff need a school, district admins none', () => {
    expect(canOpenStaffAccount(district, 'school_admin', 11)).toEqual({ allowed: true });
    expect(canOpenStaffAccount(district, 'teacher', null)).toEqual({ allowed: false, reason: 'schoolRequired' });
    expect(canOpenStaffAccount(district, 'district_admin', null)).toEqual({ allowed: true });
  });

  it('refuses teachers and parents outright', () => {
    expect(canOpenStaffAccount(teacherOfA, 'teacher', 10)).toEqual({ allowed: false, reason: 'roleNotAllowed' });
    expect(canOpenStaffAccount(parent, 'teacher', 10)).toEqual({ allowed: false, reason: 'roleNotAllowed' });
  });
});

describe('who may sign someone out everywhere', () => {
  const teacherOfB = { id: 5, role: 'teacher', schoolId: 11 } as const;
  const otherAdminOfA = { id: 6, role: 'school_admin', schoolId: 10 } as const;

  it('lets a school admin end the sessions of their own school’s teachers only', () => {
    expect(canEndSessionsOf(adminOfA, teacherOfA)).toEqual({ allowed: true });
    expect(canEndSessionsOf(adminOfA, teacherOfB)).toEqual({ allowed: false, reason: 'notFound' });
    expect(canEndSessionsOf(adminOfA, otherAdminOfA)).toEqual({ allowed: false, reason: 'notFound' });
    expect(canEndSessionsOf(adminOfA, parent)).toEqual({ allowed: false, reason: 'notFound' });
  });

  it('lets the district admin end anyone’s sessions but their own, and nobody else anyone’s', () => {
    for (const target of [teacherOfA, teacherOfB, adminOfA, parent]) expect(canEndSessionsOf(district, target)).toEqual({ allowed: true });
    expect(canEndSessionsOf(district, district)).toEqual({ allowed: false, reason: 'self' });
    expect(canEndSessionsOf(teacherOfA, teacherOfA)).toEqual({ allowed: false, reason: 'notFound' });
    expect(canEndSessionsOf(parent, teacherOfA)).toEqual({ allowed: false, reason: 'notFound' });
  });
});
