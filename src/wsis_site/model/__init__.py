"""The data model: typed shapes of the data files, their validation, and the loaded `SiteData`."""
