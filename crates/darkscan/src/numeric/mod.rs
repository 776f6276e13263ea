//! Numerical building blocks shared by the physics and statistics modules:
//! special functions, quadrature and root finding.
//!
//! Everything here is written for the accuracy the counting statistics need
//! (relative 1e-10 or better) and is tested against closed forms.

pub mod asymptotic;
pub mod quadrature;
pub mod rng;
pub mod roots;
pub mod special;
