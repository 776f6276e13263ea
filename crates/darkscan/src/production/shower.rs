//! EM shower (being written).
