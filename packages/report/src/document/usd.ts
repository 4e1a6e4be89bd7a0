import { formatCents } from '../present/format.js';

/** "USD 1,234.56": cents for people, as every report sentence writes money. */
export const usd = (cents: number): string => `USD ${formatCents.people(cents)}`;
