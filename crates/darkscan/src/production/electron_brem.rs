//! A′ bremsstrahlung (being written).
