/**
 * Seeded, reproducible demo and benchmark data (issue 3): `court seed`, bench/search.ts and tests.
 * - seedCases(core, { cases, seed }) — bulk-writes generated cases exactly as the filing path would;
 * - CaseGenerator / DaySchedule — the generator on its own (no database);
 * - people.ts, organisations.ts — names, resident IDs, USCCs, phones, addresses;
 * - Rng — mulberry32, the only source of randomness.
 */
export { seedCases, type SeedOptions, type SeedReport } from './seed';
export { CaseGenerator, DaySchedule, formatYuan, type CaseDraft, type PartyDraft, type PersonDraft, type PartySlot } from './generate';
export { organisationAt, uscc, type OrganisationCategory, type OrganisationDraft } from './organisations';
export { personName, residentIdFor, birthDateFor, mobile, landline, address, RARE_NAME_CHARS } from './people';
export { Rng, Weighted } from './random';
