//! Dark photon (placeholder, being written).
