// The files of a Kiel Ukraine Support Tracker release and their headers, exactly as the tracker publishes them.

/** release_info.csv: one row naming the release. */
export const RELEASE_INFO_COLUMNS = ['release', 'period', 'date', 'label'] as const;
/** weapons.csv: donor × weapon category, with the items committed. */
export const WEAPONS_COLUMNS = ['donor', 'category', 'number_of_weapons', 'monetary_value_eur', 'weapons_list'] as const;
/** data_explorer.csv: donor × month, EUR billions by type of aid. */
export const DATA_EXPLORER_COLUMNS = [
  'country', 'iso', 'year', 'month', 'total', 'financial', 'humanitarian', 'military', 'commitments', 'to_be_allocated', 'gdp', 'pct_gdp',
] as const;

/** The files an import reads, by name. */
export const KIEL_FILES = { releaseInfo: 'release_info.csv', weapons: 'weapons.csv', dataExplorer: 'data_explorer.csv' } as const;

/** The attribution every use of the data keeps. */
export const KIEL_ATTRIBUTION = 'Source: Kiel Institute for the World Economy, Ukraine Support Tracker';
