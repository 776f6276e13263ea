//! Monte Carlo of decay-in-flight searches: the per-mass acceptance sample
//! and the lifetime re-weighting that evaluates every coupling on it.
//!
//! For a fixed FIP mass, the production kinematics, the decay positions and
//! the acceptance of the decay products do not depend on the coupling g; only
//! the rate (∝ g²) and the lifetime (cτ ∝ 1/g²) do. [`acceptance::build_sample`]
//! therefore samples FIPs once per mass and keeps, per FIP, its weight, βγ,
//! the path interval [L₁, L₂] inside the decay volume and the acceptance of K
//! decay points along it ([`acceptance::AcceptanceSample`]);
//! [`reweight::expected_fractions`] then turns any list of cτ values into the
//! expected fraction of decays in the volume that pass the selection, by
//! arithmetic only.

pub mod acceptance;
pub mod detector;
pub mod reweight;

pub use acceptance::{AcceptanceSample, build_sample, build_sample_par};
pub use reweight::{
    PreparedSample, decay_probability, expected_fraction, expected_fractions,
    expected_fractions_prepared,
};
