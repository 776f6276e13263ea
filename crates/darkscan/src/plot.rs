//! Exclusion plots (being written).
